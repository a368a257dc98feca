package dev.iomodels.comparison.results;

import java.util.Arrays;

/**
 * The range of one figure over the repeated runs of a step: what a single number hides.
 * Two results whose ranges overlap have no clear order between them.
 *
 * @param min the smallest value
 * @param max the largest value
 */
public record Spread(double min, double max) {

	/** A figure that was not measured in any run. */
	public static final Spread NONE = new Spread(Double.NaN, Double.NaN);

	/**
	 * Return the range of some values, ignoring the runs that did not measure it.
	 * @param values one value per run
	 * @return the range, {@link #NONE} if no run measured it
	 */
	public static Spread of(double... values) {
		double[] measured = Arrays.stream(values).filter((value) -> !Double.isNaN(value)).toArray();
		if (measured.length == 0) {
			return NONE;
		}
		return new Spread(Arrays.stream(measured).min().getAsDouble(), Arrays.stream(measured).max().getAsDouble());
	}

	/**
	 * Return whether this range and another share at least one value.
	 * @param other the other range
	 * @return whether they overlap; false if either was not measured
	 */
	public boolean overlaps(Spread other) {
		if (!measured() || !other.measured()) {
			return false;
		}
		return this.min <= other.max && other.min <= this.max;
	}

	/**
	 * Return whether any run measured the figure.
	 * @return whether the range has values
	 */
	public boolean measured() {
		return !Double.isNaN(this.min);
	}

	/**
	 * Return the range's width relative to a value, e.g. to its median.
	 * @param reference the value to relate to
	 * @return (max - min) / reference; {@code NaN} if not measured
	 */
	public double relativeTo(double reference) {
		return (this.max - this.min) / reference;
	}

}
