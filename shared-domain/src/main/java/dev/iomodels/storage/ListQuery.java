package dev.iomodels.storage;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A validated listing request: {@code GET /api/v1/objects?prefix=&limit=&cursor=}.
 *
 * @param prefix only keys starting with this are listed; empty for all
 * @param limit the most items on the page, 1 to {@link #MAX_LIMIT}
 * @param after list keys strictly after this one, or {@code null} to start at the
 * beginning; decoded from the cursor
 */
public record ListQuery(String prefix, int limit, String after) {

	/** The page size when the request names none. */
	public static final int DEFAULT_LIMIT = 100;

	/** The largest page size. */
	public static final int MAX_LIMIT = 1000;

	private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._~-]{0,256}");

	private static final Pattern LIMIT = Pattern.compile("[0-9]{1,4}");

	// Cursors carry a version tag so the format can change without old cursors being
	// misread.
	private static final String CURSOR_TAG = "v1:";

	/**
	 * Parse the query parameters of a listing.
	 * @param prefix the {@code prefix} parameter, or {@code null}
	 * @param limit the {@code limit} parameter, or {@code null}
	 * @param cursor the {@code cursor} parameter, or {@code null}
	 * @return the query
	 * @throws ProblemException of type {@link ProblemType#INVALID_PARAMETER} if a
	 * parameter is malformed or out of range
	 */
	public static ListQuery parse(String prefix, String limit, String cursor) {
		return new ListQuery(parsePrefix(prefix), parseLimit(limit), parseCursor(cursor));
	}

	/**
	 * Return the cursor that continues a listing after a key.
	 * @param lastKey the last key of the current page
	 * @return an opaque, URL-safe cursor
	 */
	public static String cursorAfter(String lastKey) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((CURSOR_TAG + lastKey).getBytes(StandardCharsets.US_ASCII));
	}

	private static String parsePrefix(String prefix) {
		if (prefix == null) {
			return "";
		}
		if (!PREFIX.matcher(prefix).matches()) {
			throw invalid("prefix must be at most 256 characters of letters, digits and '.', '_', '~', '-'.");
		}
		return prefix;
	}

	private static int parseLimit(String limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		if (!LIMIT.matcher(limit).matches()) {
			throw invalid("limit must be a whole number from 1 to " + MAX_LIMIT + ".");
		}
		int value = Integer.parseInt(limit);
		if (value < 1 || value > MAX_LIMIT) {
			throw invalid("limit must be a whole number from 1 to " + MAX_LIMIT + ".");
		}
		return value;
	}

	private static String parseCursor(String cursor) {
		if (cursor == null) {
			return null;
		}
		String decoded;
		try {
			decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
		}
		catch (IllegalArgumentException ex) {
			throw badCursor();
		}
		if (!decoded.startsWith(CURSOR_TAG)) {
			throw badCursor();
		}
		String key = decoded.substring(CURSOR_TAG.length());
		if (!ObjectKey.isValid(key)) {
			throw badCursor();
		}
		return key;
	}

	private static ProblemException badCursor() {
		return invalid("cursor is not one this service handed out; start the listing again without it.");
	}

	private static ProblemException invalid(String detail) {
		return new ProblemException(ProblemType.INVALID_PARAMETER, detail);
	}

}
