package dev.iomodels.comparison;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables of a scenario, as plain text cells shared by the HTML report and the
 * Markdown summary: the results of every service at every step, and the winner of every
 * metric at every step.
 */
final class Tables {

	/** The columns of a results table. */
	static final List<String> RESULT_COLUMNS = List.of("users", "service", "throughput (success)", "p50", "p90", "p99",
			"max", "CPU under load", "CPU / request", "load generator / other CPU", "peak RSS", "peak heap",
			"platform threads", "virtual threads (mounted/queued)", "in flight", "GC pauses (time)");

	private Tables() {
	}

	/**
	 * Return the results of a scenario, a row per step and service.
	 * @param report the comparison
	 * @param scenario the scenario
	 * @return the rows, each a list of cells in {@link #RESULT_COLUMNS} order
	 */
	static List<List<String>> results(ComparisonReport report, Scenario scenario) {
		List<List<String>> rows = new ArrayList<>();
		for (int users : scenario.users()) {
			for (StepResult result : report.step(scenario, users)) {
				LoadStats load = result.load();
				StepMetrics metrics = result.metrics();
				rows.add(List.of(Format.count(users), result.service(), throughput(result),
						Format.millis(load.p50Millis()), Format.millis(load.p90Millis()),
						Format.millis(load.p99Millis()), Format.millis(load.maxMillis()),
						Format.cores(metrics.cpuCores()), Format.cpuMillis(metrics.cpuMillisPerRequest()),
						Format.number2(metrics.loadGeneratorCores()) + " / "
								+ Format.number2(Math.max(0, metrics.otherCores())),
						Format.mebibytes(metrics.rssMaxBytes()), Format.mebibytes(metrics.heapMaxBytes()),
						Format.count(metrics.platformThreadsMax()), Format.count(metrics.virtualThreadsMax()),
						Format.count(metrics.inFlightMax()),
						Format.count(metrics.gcPauses()) + " (" + Format.millis(metrics.gcPauseMillis()) + ")"));
			}
		}
		return rows;
	}

	private static String throughput(StepResult result) {
		if (result.failure().isEmpty()) {
			return Format.throughput(result.load());
		}
		return (result.load().requests() > 0) ? Format.throughput(result.load()) + " · " + result.failure().get()
				: "failed: " + result.failure().get();
	}

	/**
	 * Return the header of a scenario's winner table: the metric, then one column per
	 * step.
	 * @param scenario the scenario
	 * @return the header
	 */
	static List<String> winnerColumns(Scenario scenario) {
		List<String> columns = new ArrayList<>();
		columns.add("metric");
		scenario.users().forEach((users) -> columns.add(Format.count(users) + " users"));
		return columns;
	}

	/**
	 * Return the rankings of a scenario: per metric, per step.
	 * @param report the comparison
	 * @param scenario the scenario
	 * @return one list per metric, one ranking per step
	 */
	static List<List<Ranking>> winners(ComparisonReport report, Scenario scenario) {
		List<List<Ranking>> rows = new ArrayList<>();
		for (Metric metric : Metric.values()) {
			List<Ranking> row = new ArrayList<>();
			for (int users : scenario.users()) {
				row.add(Ranking.of(metric, report.step(scenario, users), report.services()));
			}
			rows.add(row);
		}
		return rows;
	}

	/**
	 * Describe the winner of a ranking, or the tie at the top.
	 * @param ranking the ranking
	 * @return e.g. {@code loom 6,123.4 req/s (100 % ok)} or
	 * {@code tie: classic, loom 125.0 req/s (100 % ok)}
	 */
	static String best(Ranking ranking) {
		return ranking.best()
			.map((best) -> ranking.tied()
					? "tie: " + best.service() + ", " + placed(ranking.metric(), ranking.runnerUp().orElseThrow())
					: placed(ranking.metric(), best))
			.orElse("–");
	}

	/**
	 * Describe a placed result: the service, its figure, and a warning when it had
	 * errors.
	 * @param metric the metric ranked
	 * @param result the result
	 * @return e.g. {@code loom 6,123.4 req/s (100 % ok)}
	 */
	static String placed(Metric metric, StepResult result) {
		String figure = (result.failure().isPresent() && result.load().requests() == 0) ? "failed"
				: metric.format(result);
		String errors = (result.hasErrors() && metric != Metric.THROUGHPUT && result.load().requests() > 0)
				? " (" + Format.successRate(result.load()) + " ok)" : "";
		return result.service() + " " + figure + errors;
	}

}
