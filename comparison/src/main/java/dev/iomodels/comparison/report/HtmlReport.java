package dev.iomodels.comparison.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.iomodels.comparison.Durations;
import dev.iomodels.comparison.Environment;
import dev.iomodels.comparison.Machine;
import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.results.ComparisonReport;
import dev.iomodels.comparison.results.Format;
import dev.iomodels.comparison.results.Ranking;
import dev.iomodels.comparison.results.RunChange;
import dev.iomodels.comparison.results.Spread;
import dev.iomodels.comparison.results.StepResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code report.html}: one self-contained page, with Apache ECharts, the charts' options
 * and the styles inlined, so that it opens from disk and attaches to a mail with no
 * network: charts against the steps, the per-second traces of every step, the winner
 * tables and, with {@code --against}, every figure's change against an earlier run.
 */
final class HtmlReport {

	private static final String STYLE = """
			:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; }
			body { margin: 0 auto; max-width: 1280px; padding: 24px 32px 64px; line-height: 1.45; }
			h1 { font-size: 28px; margin: 0 0 4px; }
			h2 { font-size: 22px; margin: 40px 0 6px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
			h3 { font-size: 17px; margin: 24px 0 8px; }
			.subtitle { color: #555; margin: 0 0 16px; }
			.legend-services span { display: inline-block; margin-right: 18px; font-weight: 600; }
			.legend-services i { display: inline-block; width: 14px; height: 14px; border-radius: 3px;
			  margin-right: 6px; vertical-align: -2px; }
			.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 16px; }
			.charts figure { margin: 0; border: 1px solid #e3e3e3; border-radius: 6px; padding: 4px; background: #fff; }
			div.chart { width: 100%; height: 360px; }
			.traces div.chart { height: 300px; }
			tr.better td { background: #e8f5e9; }
			tr.worse td { background: #fdecea; }
			footer { margin-top: 40px; color: #666; font-size: 12px; }
			table { border-collapse: collapse; font-size: 13px; margin: 4px 0 12px; }
			.table-scroll { overflow-x: auto; }
			th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: right; vertical-align: top; }
			table.results td { white-space: nowrap; }
			th { background: #f5f5f7; }
			td.text, th.text { text-align: left; }
			tr.errors td { background: #fdecea; }
			.service { font-weight: 600; }
			.note { color: #555; font-size: 14px; max-width: 980px; }
			.question { font-size: 15px; max-width: 980px; }
			code { background: #f3f3f3; padding: 1px 4px; border-radius: 3px; white-space: nowrap; }
			""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HtmlReport() {
	}

	/**
	 * Render the report.
	 * @param report the comparison
	 * @return the HTML page
	 */
	static String render(ComparisonReport report) {
		return render(report, Optional.empty());
	}

	/**
	 * Render the report, compared against an earlier run.
	 * @param report the comparison
	 * @param earlier the earlier run, with {@code --against}
	 * @return the HTML page
	 */
	static String render(ComparisonReport report, Optional<EarlierRun> earlier) {
		Environment environment = report.environment();
		List<Chart> charts = new ArrayList<>();
		List<RunChange> changes = earlier.map((run) -> RunChange.compare(run.rows(), ReportFiles.rows(report)))
			.orElse(List.of());
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
			.append("<title>I/O models compared: ")
			.append(Html.escape(String.join(", ", report.services())))
			.append("</title>\n<style>\n")
			.append(STYLE)
			.append("</style>\n</head>\n<body>\n");
		html.append("<h1>I/O models compared: platform threads, virtual threads, event loop</h1>\n");
		html.append("<p class=\"subtitle\">")
			.append(Html.escape("Profile " + environment.settings().get("profile") + " · " + environment.started()
					+ " · took " + Durations.clock(Duration.ofSeconds(environment.elapsedSeconds())) + " · "
					+ environment.machine().summary()))
			.append("</p>\n");
		html.append("<p class=\"legend-services\">");
		for (String service : report.services()) {
			html.append("<span><i style=\"background:")
				.append(ServiceColors.of(service))
				.append("\"></i>")
				.append(Html.escape(service + " (" + model(service) + ")"))
				.append("</span>");
		}
		html.append("</p>\n");
		html.append("<p class=\"note\">Each service ran alone, one after the other, with the same JVM flags (<code>")
			.append(Html.escape(environment.serviceJvmFlags().isEmpty() ? "their own: remote targets, see below"
					: String.join(" ", environment.serviceJvmFlags())))
			.append("</code>); the load came from ")
			.append(Html.escape(environment.loadGenerator()))
			.append(" on the same machine, one run per concurrency step, after an unmeasured warm-up. The service's ")
			.append("metrics were sampled every second during each step: peaks of the gauges, increases of the ")
			.append("counters over the step. <em>CPU under load</em> counts only the seconds in which the service ")
			.append("answered requests. Throughput is the requests answered during a step divided by its duration. ")
			.append("Grey dashed lines are what theory predicts; a red ring marks a run with failed ")
			.append("requests, with its success rate; with repeated runs, error bars span the smallest to the largest ")
			.append("run. Hover a chart for its exact figures, click a legend entry to hide a series, scroll on a ")
			.append("trace, or use its slider, to zoom its time range, and save any chart as a PNG with its download ")
			.append("button. ")
			.append(Html.escape(report.quietness()))
			.append("</p>\n");
		environment.remoteTargetsNote()
			.ifPresent((note) -> html.append("<p class=\"note\">").append(Html.escape(note)).append("</p>\n"));
		html.append(
				"<p class=\"note\">Files: <a href=\"summary.md\">summary.md</a> · <a href=\"results.csv\">results.csv</a>")
			.append(" · <a href=\"results.json\">results.json</a> · <a href=\"samples.csv\">samples.csv</a>")
			.append(" · <a href=\"environment.json\">environment.json</a> · scenarios: ");
		html.append(String.join(" · ",
				report.scenarios()
					.stream()
					.map((scenario) -> "<a href=\"#" + Html.escape(scenario.id()) + "\">"
							+ Html.escape(scenario.title()) + "</a>")
					.toList()));
		html.append("</p>\n");
		earlier.ifPresent((run) -> html.append("<p class=\"note\">")
			.append(Html.escape("Compared against the run in " + run.directory() + " (started " + run.started()
					+ ", the same cores, JDK and JVM flags): "
					+ changes.stream().filter(RunChange::beyondSpread).count() + " of " + changes.size()
					+ " figures changed beyond the spread of the runs. Its figures are drawn"
					+ " dotted in the charts."))
			.append("</p>\n"));
		for (Scenario scenario : report.scenarios()) {
			scenario(html, report, scenario, earlier, changes, charts);
		}
		environment(html, environment);
		Echarts echarts = Echarts.load();
		html.append("<footer>").append(Html.escape(echarts.notice())).append("</footer>\n");
		html.append("<script type=\"application/json\" id=\"chart-options\">")
			.append(JSON.writeValueAsString(charts.stream().map(Chart::toJson).toList()).replace("</", "<\\/"))
			.append("</script>\n<script>\n")
			.append(echarts.inlined())
			.append("\n</script>\n<script>\n")
			.append(ReportScript.SCRIPT)
			.append("</script>\n</body>\n</html>\n");
		return html.toString();
	}

	private static void table(StringBuilder html, String title, String note, List<String> columns,
			List<List<String>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		html.append("<h3>").append(Html.escape(title)).append("</h3>\n<p class=\"note\">");
		html.append(Html.escape(note)).append("</p>\n<div class=\"table-scroll\">\n<table class=\"results\">\n<tr>");
		for (String column : columns) {
			html.append("<th class=\"text\">").append(Html.escape(column)).append("</th>");
		}
		html.append("</tr>\n");
		for (List<String> cells : rows) {
			html.append("<tr>");
			for (String cell : cells) {
				html.append("<td class=\"text\">").append(Html.escape(cell)).append("</td>");
			}
			html.append("</tr>\n");
		}
		html.append("</table>\n</div>\n");
	}

	private static void scenario(StringBuilder html, ComparisonReport report, Scenario scenario,
			Optional<EarlierRun> earlier, List<RunChange> changes, List<Chart> charts) {
		html.append("<section class=\"scenario\" id=\"").append(Html.escape(scenario.id())).append("\">\n");
		html.append("<h2>").append(Html.escape(scenario.title())).append("</h2>\n");
		html.append("<p class=\"question\">").append(Html.escape(scenario.question())).append("</p>\n");
		html.append("<p class=\"note\">")
			.append(Html.escape("Steps of " + Durations.format(scenario.stepDuration()) + " at "
					+ String.join(", ", scenario.users().stream().map(Format::count).toList())
					+ " concurrent users; emulated storage latency " + Durations.format(scenario.emulatedLatency())
					+ scenario.heap().map((heap) -> "; every service's heap -Xmx" + heap).orElse("") + "."))
			.append("</p>\n");
		html.append("<div class=\"charts\">\n");
		for (Chart chart : ScenarioCharts.of(report, scenario, earlier)) {
			html.append(chart.toHtml());
			charts.add(chart);
		}
		html.append("</div>\n");
		html.append("<h3>Winners</h3>\n<p class=\"note\">Best, then runner-up, at each step. A run with failed ")
			.append("requests ranks after every clean run, whatever its figure. ")
			.append(Html.escape(Tables.spreadNote(report)))
			.append("</p>\n");
		html.append("<table class=\"winners\">\n<tr>");
		for (String column : Tables.winnerColumns(scenario)) {
			html.append("<th class=\"text\">").append(Html.escape(column)).append("</th>");
		}
		html.append("</tr>\n");
		for (List<Ranking> rankings : Tables.winners(report, scenario)) {
			html.append("<tr><td class=\"text\">")
				.append(Html.escape(rankings.getFirst().metric().title()))
				.append("</td>");
			for (Ranking ranking : rankings) {
				html.append("<td class=\"text\">");
				ranking.best()
					.ifPresent((best) -> html.append("<span class=\"service\" style=\"color:")
						.append(ServiceColors.of(best.service()))
						.append("\">")
						.append(Html.escape(Tables.best(ranking)))
						.append("</span>"));
				ranking.runnerUp()
					.filter((second) -> ranking.clear())
					.ifPresent((second) -> html.append("<br>then ")
						.append(Html.escape(Tables.placed(ranking.metric(), second))));
				html.append("</td>");
			}
			html.append("</tr>\n");
		}
		html.append("</table>\n");
		earlier.ifPresent((run) -> against(html, run,
				changes.stream().filter((change) -> change.scenario().equals(scenario.id())).toList()));
		table(html, "API overhead: each service against its model's bare endpoint",
				"The control of each model is a Spring Boot app of the same stack, the same JVM flags and connector"
						+ " limits, whose handler answers the same bytes with no filters and no store, after the same"
						+ " wait; it ran right after its service in every round. service ÷ control near 1: the API"
						+ " costs little; well below 1: the figures measure the API more than the model.",
				Tables.OVERHEAD_COLUMNS, Tables.overhead(report, scenario));
		table(html, "Cross-check: the same steps by both load generators",
				"Each step measured again right after the first, on the same running service, by the other load"
						+ " generator. An order that differs means the ranking depends on the load generator.",
				Tables.crossCheckColumns(report, scenario), Tables.crossCheck(report, scenario));
		traces(html, report, scenario, charts);
		html.append("<h3>All figures</h3>\n<div class=\"table-scroll\">\n<table class=\"results\">\n<tr>");
		for (String column : Tables.resultColumns(report)) {
			html.append("<th>").append(Html.escape(column)).append("</th>");
		}
		html.append("<th class=\"text\">Gatling</th></tr>\n");
		List<List<String>> rows = Tables.results(report, scenario);
		List<StepResult> results = scenario.users()
			.stream()
			.flatMap((users) -> report.step(scenario, users).stream())
			.toList();
		for (int i = 0; i < rows.size(); i++) {
			StepResult result = results.get(i);
			html.append(result.hasErrors() ? "<tr class=\"errors\">" : "<tr>");
			List<String> cells = rows.get(i);
			for (int column = 0; column < cells.size(); column++) {
				boolean service = column == 1;
				html.append(service
						? "<td class=\"text service\" style=\"color:" + ServiceColors.of(result.service()) + "\">"
						: "<td>")
					.append(Html.escape(cells.get(column)))
					.append("</td>");
			}
			html.append("<td class=\"text\">")
				.append(result.gatlingReport()
					.map((path) -> "<a href=\"" + Html.escape(path) + "/index.html\">report</a>")
					.orElse("–"))
				.append("</td></tr>\n");
		}
		html.append("</table>\n</div>\n</section>\n");
	}

	private static void traces(StringBuilder html, ComparisonReport report, Scenario scenario, List<Chart> charts) {
		boolean first = true;
		for (int users : scenario.users()) {
			List<Chart> traces = StepTraces.of(report, scenario, users);
			if (traces.isEmpty()) {
				continue;
			}
			if (first) {
				html.append("<h3>Second by second</h3>\n<p class=\"note\">Every step as the services' metrics were ")
					.append("sampled each second, the three services on one time axis: zero is where the measured ")
					.append("load began, the shaded band is its window, and the seconds around it are the load ")
					.append("generator starting and stopping. Counters are drawn as their increase per second. ")
					.append("The charts of a step share their tooltip and zoom. With repeated runs, the traces are ")
					.append("those of the run whose throughput was the median. Latency is not sampled per second, ")
					.append("so it has no trace.</p>\n");
				first = false;
			}
			html.append("<h4>").append(Html.escape(Format.count(users) + " users")).append("</h4>\n");
			html.append("<div class=\"charts traces\" id=\"")
				.append(Html.escape(StepTraces.group(scenario, users)))
				.append("\">\n");
			for (Chart chart : traces) {
				html.append(chart.toHtml());
				charts.add(chart);
			}
			html.append("</div>\n");
		}
	}

	private static void against(StringBuilder html, EarlierRun run, List<RunChange> changes) {
		html.append("<h3>Against the earlier run</h3>\n<p class=\"note\">")
			.append(Html.escape("Each figure against " + run.directory() + " (started " + run.started() + "). "
					+ "A change is beyond the spread when both runs were repeated and their ranges (smallest to "
					+ "largest run) do not overlap; results.json records ranges for throughput and p99 only, so the "
					+ "other figures say \"spread unknown\", as does every figure of a single run."))
			.append("</p>\n");
		if (changes.isEmpty()) {
			html.append("<p class=\"note\">The earlier run did not measure this scenario the same way (the same ")
				.append("steps, step duration, latency and load generator), so nothing is compared.</p>\n");
			return;
		}
		html.append("<div class=\"table-scroll\">\n<table class=\"against\">\n<tr>");
		for (String column : List.of("users", "service", "figure", "earlier", "now", "change", "verdict")) {
			html.append("<th class=\"text\">").append(column).append("</th>");
		}
		html.append("</tr>\n");
		for (RunChange change : changes) {
			html.append(switch (change.verdict()) {
				case BETTER -> "<tr class=\"better\">";
				case WORSE -> "<tr class=\"worse\">";
				default -> "<tr>";
			});
			for (String cell : List.of(Format.count(change.users()), change.service(), change.metric().title(),
					change.format(change.before()) + rangeText(change, change.beforeSpread()),
					change.format(change.after()) + rangeText(change, change.afterSpread()), change.describeChange(),
					change.describeVerdict())) {
				html.append("<td class=\"text\">").append(Html.escape(cell)).append("</td>");
			}
			html.append("</tr>\n");
		}
		html.append("</table>\n</div>\n");
	}

	private static String rangeText(RunChange change, Spread spread) {
		return spread.measured() ? " [" + change.format(spread.min()) + "–" + change.format(spread.max()) + "]" : "";
	}

	private static void environment(StringBuilder html, Environment environment) {
		html.append("<section id=\"environment\">\n<h2>Environment</h2>\n<table>\n");
		Machine machine = environment.machine();
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("started", environment.started());
		facts.put("finished", environment.finished());
		facts.put("cores", Integer.toString(machine.cores()));
		facts.put("processor", machine.cpuModel());
		facts.put("memory", Format.mebibytes(machine.memoryBytes()));
		facts.put("load average at start", machine.loadAverage());
		facts.put("operating system", machine.os() + " " + machine.osVersion() + " " + machine.arch());
		facts.put("JDK", machine.javaVersion() + " (" + machine.javaVendor() + ", " + machine.javaVm() + ")");
		facts.put("project", environment.projectVersion() + " @ " + environment.gitCommit());
		facts.put("Spring Boot", environment.springBootVersion());
		facts.put("load generator", environment.loadGenerator());
		facts.put("service JVM flags", String.join(" ", environment.serviceJvmFlags()));
		environment.settings().forEach((name, value) -> facts.put("setting " + name, String.valueOf(value)));
		facts.forEach((name, value) -> html.append("<tr><th class=\"text\">")
			.append(Html.escape(name))
			.append("</th><td class=\"text\">")
			.append(Html.escape(value))
			.append("</td></tr>\n"));
		html.append("</table>\n<p class=\"note\">Each service's own account of its settings in effect ")
			.append("(<code>/api/v1/info</code>) is in <a href=\"environment.json\">environment.json</a>.</p>\n")
			.append("</section>\n");
	}

	private static String model(String service) {
		return switch (service) {
			case "classic" -> "platform thread pool";
			case "loom" -> "virtual threads";
			case "webflux" -> "event loop";
			default -> service;
		};
	}

}
