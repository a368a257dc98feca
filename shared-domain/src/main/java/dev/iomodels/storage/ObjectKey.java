package dev.iomodels.storage;

import java.util.regex.Pattern;

/**
 * A validated object key. The grammar is the API's: 1 to 256 characters, a letter or
 * digit first, then letters, digits and {@code . _ ~ -} (the URI unreserved set), so a
 * key never needs percent-encoding and never forms a dot-segment. It applies after
 * percent-decoding.
 *
 * @param value the key as stored and listed
 */
public record ObjectKey(String value) implements Comparable<ObjectKey> {

	/** The longest key, in characters. */
	public static final int MAX_LENGTH = 256;

	private static final Pattern GRAMMAR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,255}");

	public ObjectKey {
		if (!isValid(value)) {
			throw new ProblemException(ProblemType.INVALID_KEY, describe(value));
		}
	}

	/**
	 * Parse a percent-decoded key from a request.
	 * @param value the decoded path segment
	 * @return the key
	 * @throws ProblemException of type {@link ProblemType#INVALID_KEY} if the value does
	 * not follow the grammar
	 */
	public static ObjectKey of(String value) {
		return new ObjectKey(value);
	}

	/**
	 * Tell whether a string follows the key grammar.
	 * @param value any string, or {@code null}
	 * @return {@code true} if it is a valid key
	 */
	public static boolean isValid(String value) {
		return value != null && value.length() <= MAX_LENGTH && GRAMMAR.matcher(value).matches();
	}

	private static String describe(String value) {
		if (value == null || value.isEmpty()) {
			return "A key must not be empty.";
		}
		if (value.length() > MAX_LENGTH) {
			return "A key must be at most " + MAX_LENGTH + " characters long; this one has " + value.length() + ".";
		}
		return "A key must start with a letter or digit and contain only letters, digits and '.', '_', '~', '-'.";
	}

	@Override
	public int compareTo(ObjectKey other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
