package dev.iomodels.comparison.results;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

import dev.iomodels.comparison.LoadStats;

/**
 * How figures read in the report, the summary and the progress line. Values are shown as
 * measured; where they must be rounded, rounding never changes their meaning: a success
 * rate with any failure never reads 100 %.
 */
public final class Format {

	private static final double MEBIBYTE = 1024 * 1024;

	private Format() {
	}

	/**
	 * Format a throughput with its success rate beside it.
	 * @param load the load figures
	 * @return e.g. {@code 1,234.5 req/s (100 % ok)}
	 */
	public static String throughput(LoadStats load) {
		return requestsPerSecond(load.requestsPerSecond()) + " (" + successRate(load) + " ok)";
	}

	/**
	 * Format requests per second.
	 * @param value the rate
	 * @return e.g. {@code 1,234.5 req/s}
	 */
	public static String requestsPerSecond(double value) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.1f req/s", value);
	}

	/**
	 * Format the share of successful requests, truncated rather than rounded so that
	 * 99.996 % reads 99.99 %, not 100 %.
	 * @param load the load figures
	 * @return e.g. {@code 100 %}, {@code 99.99 %}, {@code 0 %}
	 */
	public static String successRate(LoadStats load) {
		if (load.requests() == 0) {
			return "0 %";
		}
		if (load.requestsKo() == 0) {
			return "100 %";
		}
		BigDecimal percent = BigDecimal.valueOf(load.requestsOk())
			.multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(load.requests()), 2, RoundingMode.DOWN)
			.stripTrailingZeros();
		return percent.toPlainString() + " %";
	}

	/**
	 * Format a response time as Gatling reports it, in whole milliseconds, or with a
	 * decimal where it has one.
	 * @param millis the time
	 * @return e.g. {@code 103 ms}
	 */
	public static String millis(double millis) {
		if (Double.isNaN(millis)) {
			return "–";
		}
		// Sums of seconds (GC pauses) come back as 62.000000001 ms: whole within a
		// nanosecond
		// is whole.
		return (Math.abs(millis - Math.rint(millis)) < 1e-6) ? String.format(Locale.ROOT, "%,.0f ms", millis)
				: String.format(Locale.ROOT, "%,.1f ms", millis);
	}

	/**
	 * Format a small CPU time.
	 * @param millis CPU milliseconds
	 * @return e.g. {@code 0.412 ms}
	 */
	public static String cpuMillis(double millis) {
		return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, "%.3f ms", millis);
	}

	/**
	 * Format a byte count in mebibytes.
	 * @param bytes the bytes
	 * @return e.g. {@code 312.4 MiB}
	 */
	public static String mebibytes(double bytes) {
		return Double.isNaN(bytes) ? "–" : String.format(Locale.ROOT, "%,.1f MiB", bytes / MEBIBYTE);
	}

	/**
	 * Convert bytes to mebibytes for a chart or a row.
	 * @param bytes the bytes
	 * @return mebibytes
	 */
	public static double toMebibytes(double bytes) {
		return bytes / MEBIBYTE;
	}

	/**
	 * Format a count.
	 * @param value the count
	 * @return e.g. {@code 1,024}
	 */
	public static String count(double value) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
	}

	/**
	 * Format CPU in cores.
	 * @param cores cores busy
	 * @return e.g. {@code 1.42 cores}
	 */
	public static String cores(double cores) {
		return Double.isNaN(cores) ? "–" : String.format(Locale.ROOT, "%.2f cores", cores);
	}

	/**
	 * Format a figure with two decimals.
	 * @param value the figure
	 * @return e.g. {@code 1.05}
	 */
	public static String number2(double value) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
	}

	/**
	 * Format a share from 0 to 1 as a percentage.
	 * @param share the share
	 * @return e.g. {@code 87 %}
	 */
	public static String percent(double share) {
		return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.0f %%", share * 100);
	}

	/**
	 * Format a number for a chart axis or tooltip with as many decimals as it needs.
	 * @param value the number
	 * @return e.g. {@code 2,000}, {@code 0.5}
	 */
	static String number(double value) {
		if (Double.isNaN(value)) {
			return "–";
		}
		if (Math.abs(value) >= 100 || value == Math.rint(value)) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		if (Math.abs(value) >= 1) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return BigDecimal.valueOf(value).round(new MathContext(2)).stripTrailingZeros().toPlainString();
	}

}
