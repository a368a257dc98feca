package dev.iomodels.comparison;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them on a command line and read them in a report:
 * {@code 100ms}, {@code 20s}, {@code 2m}.
 */
public final class Durations {

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)?");

	private Durations() {
	}

	/**
	 * Parse a duration.
	 * @param text e.g. {@code 100ms}, {@code 20s}, {@code 2m}; a bare number is seconds,
	 * except {@code 0}, which is zero in any unit
	 * @return the duration
	 * @throws IllegalArgumentException if the text is not a duration
	 */
	public static Duration parse(String text) {
		Matcher matcher = DURATION.matcher(text.strip());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 100ms, 20s or 2m");
		}
		long amount = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
		return switch (unit) {
			case "ms" -> Duration.ofMillis(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofSeconds(amount);
		};
	}

	/**
	 * Format a duration in its largest exact unit.
	 * @param duration the duration
	 * @return e.g. {@code 100 ms}, {@code 20 s}, {@code 2 min}
	 */
	public static String format(Duration duration) {
		long millis = duration.toMillis();
		if (millis == 0) {
			return "0 ms";
		}
		if (millis % 60_000 == 0) {
			return (millis / 60_000) + " min";
		}
		if (millis % 1000 == 0) {
			return (millis / 1000) + " s";
		}
		return millis + " ms";
	}

	/**
	 * Format a duration for a simulation parameter.
	 * @param duration the duration
	 * @return e.g. {@code 100ms}, {@code 20s}
	 */
	public static String compact(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	/**
	 * Format an elapsed or remaining time for the progress line.
	 * @param duration the time
	 * @return e.g. {@code 4m05s}
	 */
	public static String clock(Duration duration) {
		long seconds = Math.max(0, Math.round(duration.toMillis() / 1000.0));
		return (seconds >= 60) ? "%dm%02ds".formatted(seconds / 60, seconds % 60) : seconds + "s";
	}

}
