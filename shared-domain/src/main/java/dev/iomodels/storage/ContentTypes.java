package dev.iomodels.storage;

import java.util.regex.Pattern;

/**
 * The {@code Content-Type} an object is stored with. The API stores what the client sent,
 * after checking that it is a media type (RFC 9110 §8.3.1), so that it can be sent back
 * verbatim by any server without a parser refusing it.
 */
public final class ContentTypes {

	/** What an object without a Content-Type is stored as. */
	public static final String DEFAULT = "application/octet-stream";

	/** The longest Content-Type stored. */
	public static final int MAX_LENGTH = 256;

	private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

	private static final String QUOTED = "\"(?:[\\t\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\\t\\x20-\\x7E])*\"";

	private static final Pattern MEDIA_TYPE = Pattern
		.compile(TOKEN + "/" + TOKEN + "(?:[ \\t]*;[ \\t]*" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))*");

	private ContentTypes() {
	}

	/**
	 * Return the content type to store for a request.
	 * @param header the request's Content-Type, or {@code null} if it had none
	 * @return the header without surrounding white space, or {@link #DEFAULT}
	 * @throws ProblemException of type {@link ProblemType#INVALID_HEADER} if the header
	 * is present but not a media type
	 */
	public static String toStore(String header) {
		if (header == null) {
			return DEFAULT;
		}
		String value = header.strip();
		if (value.length() > MAX_LENGTH || !MEDIA_TYPE.matcher(value).matches()) {
			throw new ProblemException(ProblemType.INVALID_HEADER,
					"Content-Type must be a media type such as text/plain; charset=utf-8, at most " + MAX_LENGTH
							+ " characters.");
		}
		return value;
	}

}
