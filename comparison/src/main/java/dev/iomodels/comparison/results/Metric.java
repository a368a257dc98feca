package dev.iomodels.comparison.results;

import java.util.function.ToDoubleFunction;

/**
 * A figure the services are ranked by, and which way is better.
 */
public enum Metric {

	/** Requests per second over the step. */
	THROUGHPUT("Throughput", true, (result) -> result.load().requestsPerSecond()),

	/** Median response time. */
	P50_LATENCY("Median latency (p50)", false, (result) -> result.load().p50Millis()),

	/** 99th-percentile response time: the tail users notice. */
	P99_LATENCY("Tail latency (p99)", false, (result) -> result.load().p99Millis()),

	/** CPU time the service spent per request: what each request costs the machine. */
	CPU_PER_REQUEST("CPU per request", false, (result) -> result.metrics().cpuMillisPerRequest()),

	/** Peak resident memory of the process. */
	PEAK_RSS("Peak RSS", false, (result) -> result.metrics().rssMaxBytes()),

	/** Peak heap in use. */
	PEAK_HEAP("Peak heap", false, (result) -> result.metrics().heapMaxBytes()),

	/** Most live platform threads. */
	PEAK_PLATFORM_THREADS("Peak platform threads", false, (result) -> result.metrics().platformThreadsMax());

	private final String title;

	private final boolean higherIsBetter;

	private final ToDoubleFunction<StepResult> value;

	Metric(String title, boolean higherIsBetter, ToDoubleFunction<StepResult> value) {
		this.title = title;
		this.higherIsBetter = higherIsBetter;
		this.value = value;
	}

	/**
	 * Return the name shown in the winner tables.
	 * @return e.g. {@code Tail latency (p99)}
	 */
	public String title() {
		return this.title;
	}

	/**
	 * Return whether a larger value is better.
	 * @return true for throughput, false for costs
	 */
	public boolean higherIsBetter() {
		return this.higherIsBetter;
	}

	/**
	 * Return this metric's value for a result.
	 * @param result the result
	 * @return the value, {@code NaN} if not measured
	 */
	public double valueOf(StepResult result) {
		return this.value.applyAsDouble(result);
	}

	/**
	 * Format this metric's value for a table.
	 * @param result the result
	 * @return e.g. {@code 1,234 req/s (100 % ok)} or {@code 12 ms}
	 */
	public String format(StepResult result) {
		return switch (this) {
			case THROUGHPUT -> Format.throughput(result.load());
			default -> formatValue(valueOf(result));
		};
	}

	/**
	 * Format one value of this metric, e.g. one end of a range.
	 * @param value the value
	 * @return e.g. {@code 1,234 req/s} or {@code 12 ms}
	 */
	public String formatValue(double value) {
		return switch (this) {
			case THROUGHPUT -> Format.requestsPerSecond(value);
			case P50_LATENCY, P99_LATENCY -> Format.millis(value);
			case CPU_PER_REQUEST -> Format.cpuMillis(value);
			case PEAK_RSS, PEAK_HEAP -> Format.mebibytes(value);
			case PEAK_PLATFORM_THREADS -> Format.count(value);
		};
	}

}
