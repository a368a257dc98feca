package dev.iomodels.gatling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * Watches the objective second by second while an open-model run ramps up, and says when
 * it broke: the 99th percentile or the error share of a one-second window above the
 * objective for {@value #CONSECUTIVE_WINDOWS} windows in a row. Thread-safe: virtual
 * users record from Gatling's event loops.
 */
final class SloWatch {

	static final int CONSECUTIVE_WINDOWS = 3;

	private static final long WINDOW_NANOS = 1_000_000_000L;

	private final Slo slo;

	private final LongToDoubleFunction rateAtSecond;

	private long start = -1;

	private long currentWindow;

	private final List<Long> latencies = new ArrayList<>();

	private int errors;

	private int breachedWindows;

	private double lastGoodRate;

	private volatile String verdict;

	/**
	 * Create a watch.
	 * @param slo the objective
	 * @param rateAtSecond the arrival rate the injection profile asks for at a second of
	 * the run
	 */
	SloWatch(Slo slo, LongToDoubleFunction rateAtSecond) {
		this.slo = slo;
		this.rateAtSecond = rateAtSecond;
	}

	/**
	 * Record one operation.
	 * @param startNanos when it started ({@link System#nanoTime()})
	 * @param endNanos when it ended
	 * @param failed whether it failed
	 */
	synchronized void record(long startNanos, long endNanos, boolean failed) {
		if (this.start < 0) {
			this.start = startNanos;
		}
		long window = (endNanos - this.start) / WINDOW_NANOS;
		if (window != this.currentWindow) {
			closeWindow();
			this.currentWindow = window;
		}
		this.latencies.add((endNanos - startNanos) / 1_000_000);
		if (failed) {
			this.errors++;
		}
	}

	/**
	 * Tell whether the objective has broken, and stays broken.
	 * @return {@code null} while it holds, else what broke and at which rate
	 */
	String verdict() {
		return this.verdict;
	}

	private void closeWindow() {
		if (this.latencies.isEmpty() || this.verdict != null) {
			return;
		}
		Collections.sort(this.latencies);
		long p99 = this.latencies.get((int) Math.ceil(this.latencies.size() * 0.99) - 1);
		double errorPercent = 100.0 * this.errors / this.latencies.size();
		double rate = this.rateAtSecond.applyAsDouble(this.currentWindow);
		if (p99 > this.slo.p99Millis() || errorPercent > this.slo.maxErrorPercent()) {
			this.breachedWindows++;
			if (this.breachedWindows >= CONSECUTIVE_WINDOWS) {
				String sustainable = (this.lastGoodRate > 0)
						? String.format("sustainable throughput about %.0f requests/s", this.lastGoodRate)
						: "not even the starting rate met it";
				this.verdict = String.format(
						"SLO broken at %.0f requests/s (p99 %d ms, limit %d ms; errors %.2f %%, limit %.2f %%): %s",
						rate, p99, this.slo.p99Millis(), errorPercent, this.slo.maxErrorPercent(), sustainable);
			}
		}
		else {
			this.breachedWindows = 0;
			this.lastGoodRate = rate;
		}
		this.latencies.clear();
		this.errors = 0;
	}

}
