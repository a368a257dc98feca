package dev.iomodels.storage.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;

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
	 * (also percent-encoded), a character that must be percent-encoded, a percent sign
	 * that does not start a valid escape, or octets that are not UTF-8 once
	 * percent-decoded (an overlong form, for one)
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

	/**
	 * Check a raw query, as received: Reactor Netty's adapter cannot parse a query with a
	 * broken percent-escape, so every service refuses one.
	 * @param rawQuery the query without the {@code ?}, or {@code null}
	 * @throws ProblemException of type {@link ProblemType#MALFORMED_REQUEST} if a
	 * {@code %} does not start a percent-escape
	 */
	public static void checkQuery(String rawQuery) {
		if (rawQuery == null) {
			return;
		}
		for (int i = 0; i < rawQuery.length(); i++) {
			if (rawQuery.charAt(i) == '%') {
				if (i + 2 >= rawQuery.length() || Character.digit(rawQuery.charAt(i + 1), 16) < 0
						|| Character.digit(rawQuery.charAt(i + 2), 16) < 0) {
					throw malformed("The query has a '%' that does not start a percent-escape.");
				}
				i += 2;
			}
		}
	}

	private static void checkSegment(String raw) {
		StringBuilder decoded = new StringBuilder(raw.length());
		ByteArrayOutputStream octets = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			boolean escaped = c == '%';
			if (escaped) {
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
			if (escaped && c == '\\') {
				// Tomcat refuses an encoded backslash, which some systems take for a
				// separator.
				throw malformed("The request path contains an encoded backslash.");
			}
			if (!escaped && !isPathChar(c)) {
				throw malformed("The request path contains a character that must be percent-encoded.");
			}
			decoded.append(c);
			if (c < 0x100) {
				octets.write(c);
			}
			else {
				octets.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		if (!isUtf8(octets.toByteArray())) {
			throw malformed("The request path is not UTF-8 once percent-decoded.");
		}
		String segment = decoded.toString();
		if (segment.equals(".") || segment.equals("..")) {
			throw malformed("The request path contains a dot-segment ('.' or '..').");
		}
	}

	/**
	 * Tell whether a character may appear unencoded in a path segment (RFC 3986
	 * {@code pchar}): Tomcat refuses the others or passes them on, Reactor Netty's
	 * adapter cannot parse them, so they are refused alike here.
	 */
	private static boolean isPathChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
	}

	/**
	 * Tell whether bytes are well-formed UTF-8: no overlong form, no surrogate, no
	 * truncated sequence. Tomcat refuses a path that is not; Reactor Netty would pass it
	 * on with replacement characters.
	 */
	private static boolean isUtf8(byte[] bytes) {
		for (byte b : bytes) {
			if (b < 0) {
				try {
					StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT)
						.decode(ByteBuffer.wrap(bytes));
					return true;
				}
				catch (CharacterCodingException ex) {
					return false;
				}
			}
		}
		return true;
	}

	private static ProblemException malformed(String detail) {
		return new ProblemException(ProblemType.MALFORMED_REQUEST, detail);
	}

}
