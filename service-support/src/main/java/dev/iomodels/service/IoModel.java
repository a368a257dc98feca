package dev.iomodels.service;

/**
 * How a service waits for I/O; the {@code model} of {@code /api/v1/info} and of the
 * metrics' common tags.
 */
public enum IoModel {

	/** A pool of platform threads, one held per request for its whole life. */
	PLATFORM_THREADS("platform-threads"),

	/** A virtual thread per request, unmounted from its carrier while it waits. */
	VIRTUAL_THREADS("virtual-threads"),

	/** A few event-loop threads multiplexing every connection; no thread per request. */
	EVENT_LOOP("event-loop");

	private final String id;

	IoModel(String id) {
		this.id = id;
	}

	/**
	 * Return the name used in the API and the metrics.
	 * @return e.g. {@code virtual-threads}
	 */
	public String id() {
		return this.id;
	}

}
