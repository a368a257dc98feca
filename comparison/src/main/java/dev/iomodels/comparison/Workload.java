package dev.iomodels.comparison;

/**
 * The kinds of load a scenario puts on a service, one per Gatling simulation the
 * comparison uses.
 */
public enum Workload {

	/**
	 * A fixed number of concurrent users, each sending requests back to back (closed
	 * model).
	 */
	CONCURRENCY_SWEEP,

	/**
	 * Ten thousand connections held open, each request waiting a long emulated latency.
	 */
	C10K,

	/**
	 * Objects of hundreds of kibibytes up to a mebibyte: memory and collector behaviour.
	 */
	LARGE_PAYLOAD,

	/** A jump from idle to thousands of users at once. */
	SPIKE

}
