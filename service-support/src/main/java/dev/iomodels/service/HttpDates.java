package dev.iomodels.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP date of a {@code Last-Modified} header (RFC 9110, IMF-fixdate), formatted once
 * per second of modification time rather than once per response: formatting a date costs
 * about as much as the rest of a GET's headers, and objects written together share their
 * second.
 */
final class HttpDates {

	/**
	 * More distinct seconds than this and the cache starts again: a bound, not an LRU.
	 */
	static final int MAX_CACHED = 4096;

	// Spring's HttpHeaders formats dates this way: a two-digit day, as IMF-fixdate wants.
	private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US)
		.withZone(ZoneId.of("GMT"));

	private final Map<Long, String> formatted = new ConcurrentHashMap<>();

	/**
	 * Format an instant as an HTTP date, to the second.
	 * @param instant the instant
	 * @return e.g. {@code Mon, 07 Dec 2026 10:41:52 GMT}
	 */
	String format(Instant instant) {
		long second = instant.getEpochSecond();
		String cached = this.formatted.get(second);
		if (cached != null) {
			return cached;
		}
		if (this.formatted.size() >= MAX_CACHED) {
			this.formatted.clear();
		}
		String date = IMF_FIXDATE.format(Instant.ofEpochSecond(second));
		this.formatted.put(second, date);
		return date;
	}

}
