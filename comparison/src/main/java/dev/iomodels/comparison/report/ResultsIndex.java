package dev.iomodels.comparison.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code results/index.html}: every comparison kept under {@code results/}, newest first,
 * with when it ran, its profile and commit, and the command to compare another run
 * against it. Rebuilt after each run.
 */
public final class ResultsIndex {

	static final String INDEX = "index.html";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ResultsIndex() {
	}

	/**
	 * Rebuild the index of the directory a run's results went into, if that directory is
	 * a {@code results} directory: elsewhere (a test's output) there is nothing to index.
	 * @param run the results directory of the run just written
	 * @throws IOException if the index cannot be written
	 */
	public static void update(Path run) throws IOException {
		Path results = run.toAbsolutePath().getParent();
		if (results == null || !results.getFileName().toString().equals("results")) {
			return;
		}
		write(results);
	}

	/**
	 * Write the index of a directory of runs.
	 * @param results the directory
	 * @return the index
	 * @throws IOException if it cannot be read or written
	 */
	static Path write(Path results) throws IOException {
		List<Entry> entries = new ArrayList<>();
		try (Stream<Path> runs = Files.list(results)) {
			for (Path run : runs
				.filter((path) -> Files.isRegularFile(path.resolve(ReportFiles.ENVIRONMENT))
						&& Files.isRegularFile(path.resolve(ReportFiles.REPORT)))
				.toList()) {
				try {
					JsonNode environment = JSON.readTree(run.resolve(ReportFiles.ENVIRONMENT).toFile());
					entries.add(new Entry(run.getFileName().toString(), environment.path("started").asString(""),
							environment.path("settings").path("profile").asString(""),
							environment.path("settings").path("repeats").asString(""),
							environment.path("gitCommit").asString(""),
							environment.path("machine").path("cores").asString("") + " cores, Java "
									+ environment.path("machine").path("javaVersion").asString("")));
				}
				catch (RuntimeException ex) {
					entries.add(new Entry(run.getFileName().toString(), "unreadable environment.json", "", "", "", ""));
				}
			}
		}
		entries.sort(Comparator.comparing(Entry::started).reversed());
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<title>I/O models compared: every run</title>\n<style>\n")
			.append(":root { font-family: system-ui, sans-serif; color: #1d1d1f; }\n")
			.append("body { margin: 0 auto; max-width: 1280px; padding: 24px 32px; }\n")
			.append("table { border-collapse: collapse; font-size: 14px; }\n")
			.append("th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; }\n")
			.append("th { background: #f5f5f7; }\n</style>\n</head>\n<body>\n")
			.append("<h1>I/O models compared: every run</h1>\n<p>Newest first. To compare a new run with one of ")
			.append("these: <code>./compare --against results/&lt;run&gt;</code> (same cores, JDK and JVM flags).</p>\n")
			.append("<table>\n<tr><th>run</th><th>started</th><th>profile</th><th>repeats</th><th>commit</th>")
			.append("<th>machine</th></tr>\n");
		for (Entry entry : entries) {
			html.append("<tr><td><a href=\"")
				.append(Html.escape(entry.name()))
				.append("/report.html\">")
				.append(Html.escape(entry.name()))
				.append("</a></td>");
			for (String cell : List.of(entry.started(), entry.profile(), entry.repeats(), entry.commit(),
					entry.machine())) {
				html.append("<td>").append(Html.escape(cell)).append("</td>");
			}
			html.append("</tr>\n");
		}
		html.append("</table>\n</body>\n</html>\n");
		Path index = results.resolve(INDEX);
		Files.writeString(index, html);
		return index;
	}

	private record Entry(String name, String started, String profile, String repeats, String commit, String machine) {

	}

}
