package dev.iomodels.storage.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;

/**
 * The {@code Content-Type} an object is stored with. The API checks that the client sent
 * a media type (RFC 9110 §8.3.1) and stores it in one canonical form, so that every
 * server sends it back byte for byte as stored: no white space around {@code ;},
 * parameter names in lower case, and a {@code charset} parameter last and unquoted.
 * (Tomcat rewrites a Content-Type with a charset into exactly that form, Reactor Netty
 * sends what it is given; storing the canonical form makes both send the same.) A charset
 * must be one the Java platform knows, since Tomcat cannot send any other.
 */
public final class ContentTypes {

	/** What an object without a Content-Type is stored as. */
	public static final String DEFAULT = "application/octet-stream";

	/** The longest Content-Type stored. */
	public static final int MAX_LENGTH = 256;

	private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

	private static final String QUOTED = "\"(?:[\\t\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\\t\\x20-\\x7E])*\"";

	private static final String PARAMETER = "[ \\t]*;[ \\t]*(" + TOKEN + ")=(" + TOKEN + "|" + QUOTED + ")";

	private static final Pattern MEDIA_TYPE = Pattern.compile("(" + TOKEN + "/" + TOKEN + ")(?:" + PARAMETER + ")*");

	private static final Pattern PARAMETERS = Pattern.compile(PARAMETER);

	private ContentTypes() {
	}

	/**
	 * Return the content type to store for a request.
	 * @param header the request's Content-Type, or {@code null} if it had none
	 * @return the canonical form of the header, or {@link #DEFAULT}
	 * @throws ProblemException of type {@link ProblemType#INVALID_HEADER} if the header
	 * is present but not a media type, or names a charset this platform does not know
	 */
	public static String toStore(String header) {
		if (header == null) {
			return DEFAULT;
		}
		String value = header.strip();
		Matcher mediaType = MEDIA_TYPE.matcher(value);
		if (value.length() > MAX_LENGTH || !mediaType.matches()) {
			throw invalid("Content-Type must be a media type such as text/plain; charset=utf-8, at most " + MAX_LENGTH
					+ " characters.");
		}
		StringBuilder canonical = new StringBuilder(mediaType.group(1));
		String charset = null;
		Matcher parameter = PARAMETERS.matcher(value);
		parameter.region(mediaType.end(1), value.length());
		while (parameter.find()) {
			String name = parameter.group(1).toLowerCase(Locale.ROOT);
			String parameterValue = parameter.group(2);
			if (!name.equals("charset")) {
				canonical.append(';').append(name).append('=').append(parameterValue);
			}
			else if (charset != null) {
				throw invalid("Content-Type must not name more than one charset.");
			}
			else {
				charset = unquote(parameterValue);
			}
		}
		if (charset != null) {
			if (!isKnownCharset(charset)) {
				throw invalid("Content-Type names the charset '" + charset + "', which this service does not know.");
			}
			canonical.append(";charset=").append(charset);
		}
		return canonical.toString();
	}

	private static boolean isKnownCharset(String name) {
		try {
			return Charset.isSupported(name);
		}
		catch (IllegalCharsetNameException ex) {
			return false;
		}
	}

	private static String unquote(String value) {
		if (!value.startsWith("\"")) {
			return value;
		}
		StringBuilder unquoted = new StringBuilder(value.length());
		for (int i = 1; i < value.length() - 1; i++) {
			char c = value.charAt(i);
			if (c == '\\') {
				c = value.charAt(++i);
			}
			unquoted.append(c);
		}
		return unquoted.toString();
	}

	private static ProblemException invalid(String detail) {
		return new ProblemException(ProblemType.INVALID_HEADER, detail);
	}

}
