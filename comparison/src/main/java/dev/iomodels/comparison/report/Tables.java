package dev.iomodels.comparison.report;

import java.util.ArrayList;
import java.util.List;

import dev.iomodels.comparison.LoadStats;
import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.results.ComparisonReport;
import dev.iomodels.comparison.results.Format;
import dev.iomodels.comparison.results.Metric;
import dev.iomodels.comparison.results.Overhead;
import dev.iomodels.comparison.results.Ranking;
import dev.iomodels.comparison.results.Spread;
import dev.iomodels.comparison.results.StepResult;
import dev.iomodels.comparison.sampling.StepMetrics;

/**
 * The tables of a scenario, as plain text cells shared by the HTML report and the
 * Markdown summary: the results of every service at every step, and the winner of every
 * metric at every step.
 */
final class Tables {

	private Tables() {
	}

	/**
	 * Return the columns of a report's results tables.
	 * @param report the comparison
	 * @return the header; on the remote backend the storage node's CPU is beside the load
	 * generator's
	 */
	static List<String> resultColumns(ComparisonReport report) {
		return List.of("users", "service", "throughput (success)", "p50", "p90", "p99", "max", "CPU under load",
				"CPU / request",
				report.storageNode() ? "load generator / storage node / other CPU" : "load generator / other CPU",
				"peak RSS", "peak heap", "platform threads", "virtual threads (mounted/queued)", "in flight",
				"GC pauses (time)");
	}

	/**
	 * Return the results of a scenario, a row per step and service.
	 * @param report the comparison
	 * @param scenario the scenario
	 * @return the rows, each a list of cells in {@link #resultColumns} order
	 */
	static List<List<String>> results(ComparisonReport report, Scenario scenario) {
		boolean storageNode = report.storageNode();
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
								+ (storageNode ? Format.number2(metrics.storageCores()) + " / " : "")
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
		String jit = result.metrics().jitBusy()
				? " · JIT still compiling (" + Format.percent(result.metrics().jitShare()) + " of the step)" : "";
		if (result.failure().isEmpty()) {
			return Format.throughput(result.load()) + range(Metric.THROUGHPUT, result) + jit;
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
	 * Say how far the winner tables can be trusted: with repeated runs, a winner only
	 * where the ranges do not overlap; with one run, no spread at all.
	 * @param report the comparison
	 * @return one sentence
	 */
	static String spreadNote(ComparisonReport report) {
		int runs = report.results().stream().mapToInt((result) -> result.runs().size()).max().orElse(1);
		return (runs > 1) ? "Every figure is the median of " + runs + " runs, interleaved across the services, with"
				+ " its range in brackets; \"no clear winner\" where the best and the runner-up's ranges overlap."
				: "One run per step, so no spread is known: a difference of a few percent may be noise (run with"
						+ " --repeat 3 for ranges).";
	}

	/**
	 * Describe the winner of a ranking, or the tie at the top.
	 * @param ranking the ranking
	 * @return e.g. {@code loom 6,123.4 req/s (100 % ok)} or
	 * {@code tie: classic, loom 125.0 req/s (100 % ok)}
	 */
	static String best(Ranking ranking) {
		return ranking.best().map((best) -> {
			if (ranking.clear()) {
				return placed(ranking.metric(), best);
			}
			StepResult second = ranking.runnerUp().orElseThrow();
			return ranking.tied() ? "tie: " + best.service() + ", " + placed(ranking.metric(), second)
					: "no clear winner: " + placed(ranking.metric(), best) + " ≈ " + placed(ranking.metric(), second);
		}).orElse("–");
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
		return result.service() + " " + figure + range(metric, result) + errors;
	}

	/**
	 * Describe the range of a metric over a result's repeated runs.
	 * @param metric the metric
	 * @param result the result
	 * @return e.g. {@code  [5,980.1–6,210.4 req/s over 3 runs]}; empty for a single run
	 */
	static String range(Metric metric, StepResult result) {
		Spread spread = result.spread(metric);
		if (result.runs().size() < 2 || !spread.measured()) {
			return "";
		}
		return " [" + metric.formatValue(spread.min()) + "–" + metric.formatValue(spread.max()) + " over "
				+ result.runs().size() + " runs]";
	}

	/**
	 * Return the header of a scenario's cross-check table.
	 * @param report the comparison
	 * @param scenario the scenario
	 * @return the header
	 */
	static List<String> crossCheckColumns(ComparisonReport report, Scenario scenario) {
		return List.of("users", "by " + report.loadGenerator(scenario), "by " + report.crossCheckGenerator(scenario),
				"order");
	}

	/**
	 * Return the throughput ranking of every step by both load generators, the second
	 * measuring right after the first on the same running service.
	 * @param report the comparison
	 * @param scenario the scenario
	 * @return the rows, each a list of cells in {@link #crossCheckColumns} order; empty
	 * without cross-checks
	 */
	static List<List<String>> crossCheck(ComparisonReport report, Scenario scenario) {
		List<List<String>> rows = new ArrayList<>();
		for (int users : scenario.users()) {
			List<StepResult> first = report.step(scenario, users);
			List<StepResult> second = first.stream()
				.flatMap((result) -> report.crossCheck(scenario, result.service(), users).stream())
				.toList();
			if (second.isEmpty()) {
				continue;
			}
			Ranking byFirst = Ranking.of(Metric.THROUGHPUT, first, report.services());
			Ranking bySecond = Ranking.of(Metric.THROUGHPUT, second, report.services());
			rows.add(List.of(Format.count(users), order(byFirst), order(bySecond),
					sameOrder(byFirst, bySecond) ? "same" : "DIFFERS"));
		}
		return rows;
	}

	/**
	 * Return whether two rankings put the services in the same order.
	 * @param first one ranking
	 * @param second another
	 * @return whether the orders of service names are equal
	 */
	static boolean sameOrder(Ranking first, Ranking second) {
		return first.order()
			.stream()
			.map(StepResult::service)
			.toList()
			.equals(second.order().stream().map(StepResult::service).toList());
	}

	private static String order(Ranking ranking) {
		return String.join(" > ", ranking.order()
			.stream()
			.map((result) -> result.service() + " " + Format.requestsPerSecond(result.load().requestsPerSecond()))
			.toList());
	}

	/** The columns of a scenario's overhead table. */
	static final List<String> OVERHEAD_COLUMNS = List.of("users", "service", "throughput", "control's throughput",
			"service ÷ control", "p99", "control's p99", "p99 service ÷ control");

	/**
	 * Return the API's own cost at every step of a scenario: each service beside the
	 * control app of its model, run in the same scenario.
	 * @param report the comparison
	 * @param scenario the scenario
	 * @return the rows, each a list of cells in {@link #OVERHEAD_COLUMNS} order; empty
	 * without controls
	 */
	static List<List<String>> overhead(ComparisonReport report, Scenario scenario) {
		List<List<String>> rows = new ArrayList<>();
		for (int users : scenario.users()) {
			for (StepResult result : report.step(scenario, users)) {
				report.control(scenario, result.service(), users).ifPresent((control) -> {
					Overhead overhead = Overhead.of(result, control);
					rows.add(List.of(Format.count(users), result.service(),
							Metric.THROUGHPUT.formatValue(result.load().requestsPerSecond())
									+ range(Metric.THROUGHPUT, result),
							Metric.THROUGHPUT.formatValue(control.load().requestsPerSecond())
									+ range(Metric.THROUGHPUT, control),
							Format.number2(overhead.throughputRatio()) + overhead.throughputRange()
								.map((spread) -> " [" + Format.number2(spread.min()) + "–"
										+ Format.number2(spread.max()) + "]")
								.orElse(""),
							Format.millis(result.load().p99Millis()), Format.millis(control.load().p99Millis()),
							Format.number2(overhead.p99Ratio())));
				});
			}
		}
		return rows;
	}

}
