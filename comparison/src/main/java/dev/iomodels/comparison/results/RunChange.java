package dev.iomodels.comparison.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one figure of one step changed against an earlier run of the same scenario
 * ({@code --against}), and whether the change is beyond the spread of the repeated runs:
 * only a change that leaves both runs' ranges apart is more than noise.
 *
 * @param scenario the scenario's id
 * @param service the service's label
 * @param users the step
 * @param metric the figure
 * @param before the earlier run's value, in {@code results.json}'s units
 * @param after this run's value
 * @param beforeSpread the earlier run's range, {@link Spread#NONE} if unknown
 * @param afterSpread this run's range, {@link Spread#NONE} if unknown
 */
public record RunChange(String scenario, String service, int users, Metric metric, double before, double after,
		Spread beforeSpread, Spread afterSpread) {

	/**
	 * What a change means.
	 */
	public enum Verdict {

		/** Both ranges known and apart, this run better. */
		BETTER,

		/** Both ranges known and apart, this run worse. */
		WORSE,

		/** The ranges overlap: noise, as far as the runs can tell. */
		WITHIN_SPREAD,

		/** A range is unknown: one run, or a figure whose range is not recorded. */
		SPREAD_UNKNOWN

	}

	/**
	 * Compare every figure of every step that both runs measured the same way: same
	 * scenario, service and users, the same step duration, latency and load generator.
	 * @param earlier the earlier run's rows
	 * @param now this run's rows
	 * @return the changes, in the order of {@code now}
	 */
	public static List<RunChange> compare(List<ResultRow> earlier, List<ResultRow> now) {
		List<RunChange> changes = new ArrayList<>();
		for (ResultRow row : now) {
			if (!"service".equals(row.role())) {
				continue;
			}
			Optional<ResultRow> before = earlier.stream().filter((candidate) -> sameStep(candidate, row)).findFirst();
			if (before.isEmpty()) {
				continue;
			}
			for (Metric metric : Metric.values()) {
				double then = value(metric, before.get());
				double current = value(metric, row);
				if (!Double.isNaN(then) && !Double.isNaN(current)) {
					changes.add(new RunChange(row.scenario(), row.service(), row.users(), metric, then, current,
							spread(metric, before.get()), spread(metric, row)));
				}
			}
		}
		return changes;
	}

	/**
	 * Return whether two rows measured the same step the same way.
	 * @param earlier a row of the earlier run
	 * @param now a row of this run
	 * @return whether their figures can be compared
	 */
	static boolean sameStep(ResultRow earlier, ResultRow now) {
		return "service".equals(earlier.role()) && earlier.scenario().equals(now.scenario())
				&& earlier.service().equals(now.service()) && earlier.users() == now.users()
				&& earlier.stepDurationS() == now.stepDurationS()
				&& earlier.emulatedLatencyMs() == now.emulatedLatencyMs()
				&& String.valueOf(earlier.loadGenerator()).equals(String.valueOf(now.loadGenerator()));
	}

	/**
	 * Return the change relative to the earlier value.
	 * @return e.g. {@code 0.12} for 12 % more; {@code NaN} from zero
	 */
	public double relative() {
		return (this.before == 0) ? Double.NaN : (this.after - this.before) / this.before;
	}

	/**
	 * Judge the change.
	 * @return better or worse if the ranges are apart, else why it cannot tell
	 */
	public Verdict verdict() {
		if (!this.beforeSpread.measured() || !this.afterSpread.measured()) {
			return Verdict.SPREAD_UNKNOWN;
		}
		if (this.beforeSpread.overlaps(this.afterSpread)) {
			return Verdict.WITHIN_SPREAD;
		}
		boolean higher = this.afterSpread.min() > this.beforeSpread.max();
		return (higher == this.metric.higherIsBetter()) ? Verdict.BETTER : Verdict.WORSE;
	}

	/**
	 * Return whether the change is beyond the spread of the runs.
	 * @return whether it is better or worse, not noise
	 */
	public boolean beyondSpread() {
		return verdict() == Verdict.BETTER || verdict() == Verdict.WORSE;
	}

	/**
	 * Format a value of this change's figure.
	 * @param value in {@code results.json}'s units
	 * @return e.g. {@code 1,234.5 req/s} or {@code 512.0 MiB}
	 */
	public String format(double value) {
		return switch (this.metric) {
			case PEAK_RSS, PEAK_HEAP -> Format.mebibytes(value * 1024 * 1024);
			default -> this.metric.formatValue(value);
		};
	}

	/**
	 * Describe the change for a table.
	 * @return e.g. {@code +12.0 %}
	 */
	public String describeChange() {
		double relative = relative();
		return Double.isNaN(relative) ? "–" : String.format(java.util.Locale.ROOT, "%+.1f %%", relative * 100);
	}

	/**
	 * Describe the verdict for a table.
	 * @return e.g. {@code worse, beyond the spread}
	 */
	public String describeVerdict() {
		return switch (verdict()) {
			case BETTER -> "better, beyond the spread";
			case WORSE -> "worse, beyond the spread";
			case WITHIN_SPREAD -> "within the spread";
			case SPREAD_UNKNOWN -> "spread unknown";
		};
	}

	/**
	 * Return a figure of a row, in the row's units.
	 * @param metric the figure
	 * @param row the row
	 * @return the value, {@code NaN} if not measured
	 */
	static double value(Metric metric, ResultRow row) {
		Double value = switch (metric) {
			case THROUGHPUT -> row.requestsPerSecond();
			case P50_LATENCY -> row.latencyP50Ms();
			case P99_LATENCY -> row.latencyP99Ms();
			case CPU_PER_REQUEST -> row.cpuMsPerRequest();
			case PEAK_RSS -> row.rssMaxMiB();
			case PEAK_HEAP -> row.heapMaxMiB();
			case PEAK_PLATFORM_THREADS -> row.platformThreadsMax();
		};
		return (value != null) ? value : Double.NaN;
	}

	/**
	 * Return a figure's range over a row's repeated runs, where {@code results.json}
	 * records one: throughput and p99.
	 * @param metric the figure
	 * @param row the row
	 * @return the range, {@link Spread#NONE} for one run or a figure without a recorded
	 * range
	 */
	static Spread spread(Metric metric, ResultRow row) {
		if (row.runs() < 2) {
			return Spread.NONE;
		}
		return switch (metric) {
			case THROUGHPUT -> range(row.requestsPerSecondMin(), row.requestsPerSecondMax());
			case P99_LATENCY -> range(row.latencyP99MinMs(), row.latencyP99MaxMs());
			default -> Spread.NONE;
		};
	}

	private static Spread range(Double min, Double max) {
		return (min == null || max == null) ? Spread.NONE : new Spread(min, max);
	}

}
