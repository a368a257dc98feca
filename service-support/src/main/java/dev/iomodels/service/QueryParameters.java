package dev.iomodels.service;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Parses a raw query string the way Spring WebFlux does, for the MVC adapter too, so that
 * a query gets the same parameters in every service. Tomcat's own parser refuses some
 * queries outright (a chunk without a name, such as {@code ?=x}, or an escape that is not
 * UTF-8), which ended in a 500 where WebFlux simply skipped the chunk.
 */
public final class QueryParameters {

	/** WebFlux's pattern: a name of at least one character, an optional value. */
	private static final Pattern QUERY = Pattern.compile("([^&=]+)(=?)([^&]+)?");

	private QueryParameters() {
	}

	/**
	 * Parse a raw query.
	 * @param rawQuery the query as received, still percent-encoded, or {@code null}
	 * @return the parameters, in order, decoded as UTF-8 ({@code +} is a space)
	 */
	public static MultiValueMap<String, String> parse(String rawQuery) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		if (rawQuery == null) {
			return parameters;
		}
		Matcher matcher = QUERY.matcher(rawQuery);
		while (matcher.find()) {
			String name = decode(matcher.group(1));
			String value = matcher.group(3);
			parameters.add(name, (value != null) ? decode(value) : (matcher.group(2).isEmpty() ? null : ""));
		}
		return parameters;
	}

	private static String decode(String raw) {
		try {
			return URLDecoder.decode(raw, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// A broken escape: WebFlux keeps the value as it came.
			return raw;
		}
	}

}
