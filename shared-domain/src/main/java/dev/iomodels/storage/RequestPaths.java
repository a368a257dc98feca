package dev.iomodels.storage;

/**
 * The rule for request paths that every service applies before routing. Servers disagree
 * on such paths: Tomcat silently removes dot-segments ({@code /objects/..} becomes
 * {@code /}) and refuses NUL bytes, Reactor Netty passes both through. So that a path
 * gets the same answer everywhere, a path with a dot-segment, a control character or a
 * broken percent-escape is refused as malformed, in all three services, whatever the
 * server did.
 */
public final class RequestPaths {

	private RequestPaths() {
	}

	/**
	 * Check a raw request path, as received.
	 * @param rawPath the path, still percent-encoded, without the query
	 * @throws ProblemException of type {@link ProblemType#MALFORMED_REQUEST} if it has a
	 * dot-segment ({@code .} or {@code ..}, also percent-encoded), a control character
	 * (also percent-encoded) or a percent sign that does not start a valid escape
	 */
	public static void check(String rawPath) {
		int segmentStart = 0;
		for (int i = 0; i <= rawPath.length(); i++) {
			if (i == rawPath.length() || rawPath.charAt(i) == '/') {
				checkSegment(rawPath.substring(segmentStart, i));
				segmentStart = i + 1;
			}
		}
	}

	private static void checkSegment(String raw) {
		StringBuilder decoded = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
						|| Character.digit(raw.charAt(i + 2), 16) < 0) {
					throw malformed("The request path has a '%' that does not start a percent-escape.");
				}
				c = (char) Integer.parseInt(raw, i + 1, i + 3, 16);
				i += 2;
			}
			if (c < 0x20 || c == 0x7F) {
				throw malformed("The request path contains a control character.");
			}
			decoded.append(c);
		}
		String segment = decoded.toString();
		if (segment.equals(".") || segment.equals("..")) {
			throw malformed("The request path contains a dot-segment ('.' or '..').");
		}
	}

	private static ProblemException malformed(String detail) {
		return new ProblemException(ProblemType.MALFORMED_REQUEST, detail);
	}

}
