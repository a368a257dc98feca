package dev.iomodels.comparison.sampling;

import java.util.List;

/**
 * The increase of a cumulative counter over a window of samples, computed the way
 * Prometheus' {@code increase()} does: a drop means the counter was reset (the process
 * restarted), so the value after the drop counts in full instead of as a negative change.
 * Summing the raw values, or taking last minus first, would be wrong in both cases.
 */
final class CounterIncrease {

	private CounterIncrease() {
	}

	/**
	 * Return how much a counter grew over consecutive samples.
	 * @param values the counter's values in sample order; {@code NaN} where a sample
	 * lacks it, which is skipped
	 * @return the increase, or {@code NaN} if no sample has the counter
	 */
	static double over(List<Double> values) {
		double increase = 0;
		double previous = Double.NaN;
		boolean seen = false;
		for (double value : values) {
			if (Double.isNaN(value)) {
				continue;
			}
			if (seen) {
				increase += between(previous, value);
			}
			previous = value;
			seen = true;
		}
		return seen ? increase : Double.NaN;
	}

	/**
	 * Return how much a counter grew between two readings.
	 * @param earlier the earlier reading
	 * @param later the later reading
	 * @return the increase; {@code NaN} if either reading is missing
	 */
	static double between(double earlier, double later) {
		if (Double.isNaN(earlier) || Double.isNaN(later)) {
			return Double.NaN;
		}
		return (later >= earlier) ? later - earlier : later;
	}

}
