package dev.iomodels.storage;

/**
 * A request the API refuses, with the problem type and a detail that the web adapters
 * turn into an RFC 9457 response. These are expected outcomes (a missing key under load
 * is ordinary), so the exception carries no stack trace: filling one in would cost more
 * than the lookup that raised it.
 */
public final class ProblemException extends RuntimeException {

	private final ProblemType type;

	/**
	 * Create a refusal.
	 * @param type the problem type
	 * @param detail a sentence for the client that says what was wrong with this request
	 */
	public ProblemException(ProblemType type, String detail) {
		super(detail, null, false, false);
		this.type = type;
	}

	/**
	 * Return the problem type.
	 * @return the type, which fixes the status
	 */
	public ProblemType type() {
		return this.type;
	}

	/**
	 * Return the detail for the client.
	 * @return the detail sentence
	 */
	public String detail() {
		return getMessage();
	}

}
