package dev.iomodels.comparison.report;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.iomodels.comparison.Durations;
import dev.iomodels.comparison.Environment;
import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.results.ComparisonReport;
import dev.iomodels.comparison.results.Format;
import dev.iomodels.comparison.results.Ranking;
import dev.iomodels.comparison.results.RunChange;

/**
 * {@code summary.md}: the report's tables in Markdown, to paste into an issue or a
 * README.
 */
public final class MarkdownSummary {

	private MarkdownSummary() {
	}

	/**
	 * Render the summary.
	 * @param report the comparison
	 * @return Markdown text
	 */
	public static String render(ComparisonReport report) {
		return render(report, Optional.empty());
	}

	/**
	 * Render the summary, with the figures that changed beyond the spread against an
	 * earlier run.
	 * @param report the comparison
	 * @param earlier the run compared against, with {@code --against}
	 * @return Markdown text
	 */
	public static String render(ComparisonReport report, Optional<EarlierRun> earlier) {
		Environment environment = report.environment();
		StringBuilder md = new StringBuilder();
		md.append("# I/O models compared: ").append(String.join(", ", report.services())).append("\n\n");
		md.append("Profile `")
			.append(environment.settings().get("profile"))
			.append("`, ")
			.append(environment.started())
			.append(", ")
			.append(environment.elapsedSeconds() / 60)
			.append(" min ")
			.append(environment.elapsedSeconds() % 60)
			.append(" s. Machine: ")
			.append(environment.machine().summary())
			.append("; load average at start ")
			.append(environment.machine().loadAverage())
			.append(". Services: `")
			.append(environment.serviceJvmFlags().isEmpty() ? "their own JVM flags (remote targets)"
					: String.join(" ", environment.serviceJvmFlags()))
			.append("`, one at a time; load from ")
			.append(environment.loadGenerator())
			.append(" on the same machine. ")
			.append(report.quietness())
			.append("\n\n");
		environment.remoteTargetsNote().ifPresent((note) -> md.append(note).append("\n\n"));
		earlier.ifPresent((run) -> against(md, run, RunChange.compare(run.rows(), ReportFiles.rows(report))));
		for (Scenario scenario : report.scenarios()) {
			md.append("## ").append(scenario.title()).append("\n\n");
			md.append(scenario.question())
				.append(" Each step: ")
				.append(Durations.format(scenario.stepDuration()))
				.append(scenario.heap().map((heap) -> "; every service's heap `-Xmx" + heap + "`").orElse(""))
				.append(".\n\n");
			md.append(row(Tables.resultColumns(report)));
			md.append(row(Tables.resultColumns(report).stream().map((column) -> "---").toList()));
			for (List<String> cells : Tables.results(report, scenario)) {
				md.append(row(cells));
			}
			md.append("\n**Winners** (best, then runner-up; runs with failed requests rank last). ")
				.append(Tables.spreadNote(report))
				.append("\n\n");
			List<String> columns = Tables.winnerColumns(scenario);
			md.append(row(columns));
			md.append(row(columns.stream().map((column) -> "---").toList()));
			for (List<Ranking> rankings : Tables.winners(report, scenario)) {
				StringBuilder line = new StringBuilder("| ").append(rankings.getFirst().metric().title());
				for (Ranking ranking : rankings) {
					line.append(" | **").append(Tables.best(ranking)).append("**");
					ranking.runnerUp()
						.filter((second) -> ranking.clear())
						.ifPresent(
								(second) -> line.append("<br>then ").append(Tables.placed(ranking.metric(), second)));
				}
				md.append(line).append(" |\n");
			}
			md.append('\n');
			table(md, "API overhead (service ÷ its model's control)", Tables.OVERHEAD_COLUMNS,
					Tables.overhead(report, scenario));
			table(md, "Cross-check by the other load generator", Tables.crossCheckColumns(report, scenario),
					Tables.crossCheck(report, scenario));
		}
		return md.toString();
	}

	private static void against(StringBuilder md, EarlierRun run, List<RunChange> changes) {
		List<RunChange> beyond = changes.stream().filter(RunChange::beyondSpread).toList();
		md.append("Against `")
			.append(run.directory())
			.append("` (started ")
			.append(run.started())
			.append("): ")
			.append(beyond.size())
			.append(" of ")
			.append(changes.size())
			.append(" figures changed beyond the spread of the runs")
			.append(beyond.isEmpty() ? "." : ":")
			.append("\n\n");
		for (RunChange change : beyond) {
			md.append("- ")
				.append(change.scenario())
				.append(", ")
				.append(Format.count(change.users()))
				.append(" users, ")
				.append(change.service())
				.append(", ")
				.append(change.metric().title())
				.append(": ")
				.append(change.format(change.before()))
				.append(" → ")
				.append(change.format(change.after()))
				.append(" (")
				.append(change.describeChange())
				.append(", ")
				.append(change.describeVerdict())
				.append(")\n");
		}
		if (!beyond.isEmpty()) {
			md.append("\n");
		}
	}

	private static void table(StringBuilder md, String title, List<String> columns, List<List<String>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		md.append("**").append(title).append("**\n\n");
		md.append(row(columns));
		md.append(row(columns.stream().map((column) -> "---").toList()));
		rows.forEach((cells) -> md.append(row(cells)));
		md.append('\n');
	}

	/**
	 * Render the section that links every chart's SVG image, to be appended to the
	 * summary once the images are written.
	 * @param images the images, in report order
	 * @return the section
	 */
	public static String images(List<ChartImages.Image> images) {
		StringBuilder markdown = new StringBuilder("\n## Charts as images\n\n");
		markdown.append("Every chart of `report.html` as an SVG file, to paste into an issue or a post ")
			.append("(without the page's tooltips and zoom):\n\n");
		for (ChartImages.Image image : images) {
			String file = image.file().toString().replace('\\', '/');
			markdown.append("- [")
				.append(image.title())
				.append(" (`")
				.append(image.file().getFileName().toString().replace(".svg", ""))
				.append("`)](")
				.append(file)
				.append(")\n");
		}
		return markdown.toString();
	}

	private static String row(List<String> cells) {
		return cells.stream().map((cell) -> cell.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |\n"));
	}

}
