package dev.iomodels.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of an {@code If-Match} or {@code If-None-Match} header (RFC 9110 §13.1):
 * either {@code *} or a comma-separated list of entity tags, each strong ({@code "x"}) or
 * weak ({@code W/"x"}).
 *
 * @param any whether the header was {@code *}
 * @param tags the listed tags, each with its quotes and any {@code W/} prefix
 */
public record EntityTagList(boolean any, List<String> tags) {

	/** The longest header value accepted; a longer one is refused rather than scanned. */
	static final int MAX_LENGTH = 8192;

	public EntityTagList {
		tags = List.copyOf(tags);
	}

	/**
	 * Parse the combined value of every instance of one header.
	 * @param headerName the header's name, for the problem detail
	 * @param values the header's values in order, possibly empty
	 * @return the list, or {@code null} if the header was absent
	 * @throws ProblemException of type {@link ProblemType#INVALID_HEADER} if a value is
	 * not {@code *} or a list of entity tags
	 */
	public static EntityTagList parse(String headerName, List<String> values) {
		if (values == null || values.isEmpty()) {
			return null;
		}
		String joined = String.join(",", values);
		if (joined.length() > MAX_LENGTH) {
			throw invalid(headerName, "is longer than " + MAX_LENGTH + " characters");
		}
		if (joined.strip().equals("*")) {
			return new EntityTagList(true, List.of());
		}
		List<String> tags = new ArrayList<>();
		int i = 0;
		int n = joined.length();
		while (i < n) {
			i = skipWhitespaceAndCommas(joined, i);
			if (i >= n) {
				break;
			}
			int start = i;
			if (joined.startsWith("W/", i)) {
				i += 2;
			}
			if (i >= n || joined.charAt(i) != '"') {
				throw invalid(headerName, "must be * or a list of quoted entity tags");
			}
			i++;
			while (i < n && isEtagChar(joined.charAt(i))) {
				i++;
			}
			if (i >= n || joined.charAt(i) != '"') {
				throw invalid(headerName, "contains an entity tag that is not properly quoted");
			}
			i++;
			tags.add(joined.substring(start, i));
			int afterTag = skipWhitespace(joined, i);
			if (afterTag < n && joined.charAt(afterTag) != ',') {
				throw invalid(headerName, "must separate entity tags with commas");
			}
			i = afterTag;
		}
		if (tags.isEmpty()) {
			throw invalid(headerName, "must not be empty");
		}
		return new EntityTagList(false, tags);
	}

	/**
	 * Strong comparison (RFC 9110 §8.8.3.2), as {@code If-Match} requires: a weak tag
	 * never matches.
	 * @param currentEtag the current strong ETag, or {@code null} if there is no object
	 * @return whether the list matches
	 */
	public boolean matchesStrongly(String currentEtag) {
		if (currentEtag == null) {
			return false;
		}
		return this.any || this.tags.contains(currentEtag);
	}

	/**
	 * Weak comparison, as {@code If-None-Match} requires: {@code W/"x"} matches
	 * {@code "x"}.
	 * @param currentEtag the current strong ETag, or {@code null} if there is no object
	 * @return whether the list matches
	 */
	public boolean matchesWeakly(String currentEtag) {
		if (currentEtag == null) {
			return false;
		}
		if (this.any) {
			return true;
		}
		for (String tag : this.tags) {
			String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
			if (opaque.equals(currentEtag)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isEtagChar(char c) {
		// etagc = %x21 / %x23-7E / obs-text; obs-text is refused to keep tags ASCII.
		return c == 0x21 || (c >= 0x23 && c <= 0x7E);
	}

	private static int skipWhitespace(String s, int i) {
		while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
			i++;
		}
		return i;
	}

	private static int skipWhitespaceAndCommas(String s, int i) {
		while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == ',')) {
			i++;
		}
		return i;
	}

	private static ProblemException invalid(String headerName, String what) {
		return new ProblemException(ProblemType.INVALID_HEADER, headerName + " " + what + ".");
	}

}
