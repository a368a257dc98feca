package dev.iomodels.comparison.sampling;

/**
 * The part of a step's sampling window in which the measured load ran, in seconds since
 * the step's first sample. A Gatling run also preloads the objects it reads and deletes
 * them afterwards, with a hundred requests in flight; left in, that traffic would set the
 * peak of in-flight requests at small steps and add its CPU to every step.
 *
 * @param fromSeconds when the load began
 * @param toSeconds when it ended
 */
public record LoadWindow(double fromSeconds, double toSeconds) {

	/** The whole sampling window, when the load's start could not be observed. */
	public static final LoadWindow WHOLE_STEP = new LoadWindow(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

	/**
	 * Return whether a sample was taken while the load ran.
	 * @param seconds the sample's time
	 * @return whether it lies in the window
	 */
	public boolean contains(double seconds) {
		return seconds >= this.fromSeconds && seconds <= this.toSeconds;
	}

}
