package dev.iomodels.gatling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of one run, or of one request name in it, as the report shows them in its
 * statistics table. Response times are in milliseconds, over all requests (OK and KO), as
 * in Gatling's table and console summary.
 * <p>
 * Gatling 3.15 writes no JSON statistics ({@code js/stats.json} and
 * {@code js/global_stats.json} are gone since 3.11): the numbers are in the table of the
 * report's {@code index.html}, one {@code
 *
<tr>
 * } per request name under the "All Requests" row, and this class reads that table,
 * finding each column by its header ("OK", "KO", "Cnt/s", "Min", "50th pct", "90th pct",
 * "95th pct", "99th pct", "Max", "Mean"). The percentile columns are the ones
 * {@code gatling.conf} configures (50, 90, 95, 99); a report without them fails with a
 * message that says so. A newer Gatling may change the page: {@code GatlingStatsTests}
 * reads a real 3.15 report to catch that.
 *
 * @param name the request name, or {@value #ALL_REQUESTS} for the whole run
 * @param ok requests that passed their checks
 * @param ko requests that failed (an unexpected status, a timeout, a connection error)
 * @param meanRequestsPerSecond requests per second over the run (Gatling's "Cnt/s")
 * @param minMs the fastest response time
 * @param p50Ms the median
 * @param p90Ms the 90th percentile
 * @param p95Ms the 95th percentile
 * @param p99Ms the 99th percentile
 * @param maxMs the slowest response time
 * @param meanMs the mean response time
 */
public record GatlingStats(String name, long ok, long ko, double meanRequestsPerSecond, long minMs, long p50Ms,
		long p90Ms, long p95Ms, long p99Ms, long maxMs, long meanMs) {

	/** The name of the row that sums up the whole run. */
	public static final String ALL_REQUESTS = "All Requests";

	private static final Pattern HEADER = Pattern
		.compile("<th id=\"col-(\\d+)\"[^>]*>\\s*<span>(?:<abbr[^>]*>)?([^<]+)<");

	private static final Pattern ROW = Pattern.compile("<tr id=\"[^\"]*\"[^>]*>(.*?)</tr>", Pattern.DOTALL);

	private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");

	private static final Pattern CELL = Pattern.compile("<td class=\"value [^\"]*col-(\\d+)\">([^<]*)</td>");

	private static final List<String> COLUMNS = List.of("OK", "KO", "Cnt/s", "Min", "50th pct", "90th pct", "95th pct",
			"99th pct", "Max", "Mean");

	/**
	 * Return the share of failed requests.
	 * @return KO in percent of all requests, 0 when there were none
	 */
	public double koPercent() {
		long total = total();
		return (total == 0) ? 0 : 100.0 * this.ko / total;
	}

	/**
	 * Return the number of requests.
	 * @return OK plus KO
	 */
	public long total() {
		return this.ok + this.ko;
	}

	/**
	 * Read the numbers of a whole run.
	 * @param reportDirectory a report directory, as {@link GatlingRunner#run} returns it
	 * @return the "All Requests" row
	 */
	public static GatlingStats read(Path reportDirectory) {
		GatlingStats all = readAll(reportDirectory).get(ALL_REQUESTS);
		if (all == null) {
			throw new IllegalStateException("No '" + ALL_REQUESTS + "' row in " + index(reportDirectory));
		}
		return all;
	}

	/**
	 * Read the numbers of each request name of a run.
	 * @param reportDirectory a report directory, as {@link GatlingRunner#run} returns it
	 * @return the rows by request name (e.g. {@link StorageApi#GET}), in the report's
	 * order, without the "All Requests" row
	 */
	public static Map<String, GatlingStats> readRequests(Path reportDirectory) {
		Map<String, GatlingStats> requests = new LinkedHashMap<>(readAll(reportDirectory));
		requests.remove(ALL_REQUESTS);
		return requests;
	}

	private static Map<String, GatlingStats> readAll(Path reportDirectory) {
		Path index = index(reportDirectory);
		String html;
		try {
			html = Files.readString(index);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the report " + index, ex);
		}
		Map<String, Integer> columns = new HashMap<>();
		Matcher header = HEADER.matcher(html);
		while (header.find()) {
			columns.putIfAbsent(header.group(2).strip(), Integer.parseInt(header.group(1)));
		}
		for (String column : COLUMNS) {
			if (!columns.containsKey(column)) {
				throw new IllegalStateException("The statistics table of " + index + " has no '" + column
						+ "' column (it has " + columns.keySet()
						+ "); the percentiles must be 50, 90, 95 and 99 as in this module's gatling.conf");
			}
		}
		Map<String, GatlingStats> rows = new LinkedHashMap<>();
		Matcher row = ROW.matcher(html);
		while (row.find()) {
			Matcher name = NAME.matcher(row.group(1));
			if (!name.find()) {
				continue;
			}
			Map<Integer, String> cells = new HashMap<>();
			Matcher cell = CELL.matcher(row.group(1));
			while (cell.find()) {
				cells.put(Integer.parseInt(cell.group(1)), cell.group(2).strip());
			}
			if (cells.isEmpty()) {
				continue;
			}
			String requestName = unescape(name.group(1));
			rows.putIfAbsent(requestName,
					new GatlingStats(requestName, whole(cells, columns, "OK"), whole(cells, columns, "KO"),
							number(cells, columns, "Cnt/s"), whole(cells, columns, "Min"),
							whole(cells, columns, "50th pct"), whole(cells, columns, "90th pct"),
							whole(cells, columns, "95th pct"), whole(cells, columns, "99th pct"),
							whole(cells, columns, "Max"), whole(cells, columns, "Mean")));
		}
		if (rows.isEmpty()) {
			throw new IllegalStateException("No statistics rows in " + index);
		}
		return rows;
	}

	private static long whole(Map<Integer, String> cells, Map<String, Integer> columns, String column) {
		return Math.round(number(cells, columns, column));
	}

	private static double number(Map<Integer, String> cells, Map<String, Integer> columns, String column) {
		String value = cells.get(columns.get(column));
		if (value == null || value.isEmpty() || value.equals("-")) {
			return 0;
		}
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException("Column '" + column + "' holds '" + value + "', not a number", ex);
		}
	}

	private static String unescape(String html) {
		return html.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&#x27;", "'")
			.replace("&amp;", "&");
	}

	private static Path index(Path reportDirectory) {
		return reportDirectory.resolve("index.html");
	}

}
