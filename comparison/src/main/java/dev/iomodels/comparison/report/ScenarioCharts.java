package dev.iomodels.comparison.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import dev.iomodels.comparison.Contender;
import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.results.ComparisonReport;
import dev.iomodels.comparison.results.Format;
import dev.iomodels.comparison.results.ResultRow;
import dev.iomodels.comparison.results.Spread;
import dev.iomodels.comparison.results.StepResult;

/**
 * The charts of one scenario against its concurrency steps: throughput, latency, CPU,
 * threads, requests in flight and memory, one colour per service, with the reference
 * lines that say what an ideal server, or a pool of platform threads, would do. With
 * repeated runs every point has an error bar from the smallest to the largest run; with
 * {@code --against} the earlier run's figures are drawn beside, dotted.
 */
final class ScenarioCharts {

	private final ComparisonReport report;

	private final Scenario scenario;

	private final Optional<EarlierRun> earlier;

	private ScenarioCharts(ComparisonReport report, Scenario scenario, Optional<EarlierRun> earlier) {
		this.report = report;
		this.scenario = scenario;
		this.earlier = earlier;
	}

	/**
	 * Build the charts of a scenario.
	 * @param report the comparison
	 * @param scenario the scenario
	 * @param earlier the run compared against, if any
	 * @return the charts, in reading order
	 */
	static List<Chart> of(ComparisonReport report, Scenario scenario, Optional<EarlierRun> earlier) {
		return new ScenarioCharts(report, scenario, earlier).charts();
	}

	private List<Chart> charts() {
		List<Chart> charts = new ArrayList<>();
		charts.add(chart(
				"throughput", "Throughput (requests/s)", "req/s", List.of(new Figure("", false,
						(result) -> result.load().requestsPerSecond(), ResultRow::requestsPerSecond)),
				throughputReferences(), Optional.empty()));
		charts.add(chart("latency", "Response time, p50 solid, p99 dashed (ms)", "ms",
				List.of(new Figure(" p50", false, (result) -> result.load().p50Millis(), ResultRow::latencyP50Ms),
						new Figure(" p99", true, (result) -> result.load().p99Millis(), ResultRow::latencyP99Ms)),
				latencyReferences(), Optional.empty()));
		charts.add(chart("cpu", "CPU used by the service under load (cores)", "cores",
				List.of(new Figure("", false, (result) -> result.metrics().cpuCores(), ResultRow::cpuCores)), List.of(),
				Optional.of(Chart.markLine("cores available", this.report.environment().machine().cores()))));
		charts.add(chart(
				"cpu-per-request", "CPU time per request (ms)", "ms", List.of(new Figure("", false,
						(result) -> result.metrics().cpuMillisPerRequest(), ResultRow::cpuMsPerRequest)),
				List.of(), Optional.empty()));
		charts.add(chart("platform-threads", "Peak live platform threads", "threads",
				List.of(new Figure("", false, (result) -> result.metrics().platformThreadsMax(),
						ResultRow::platformThreadsMax)),
				List.of(),
				poolSize().stream().mapToObj((pool) -> Chart.markLine(pool + "-thread pool", pool)).findFirst()));
		charts.add(chart(
				"virtual-threads", "Peak virtual threads mounted or queued", "threads", List.of(new Figure("", false,
						(result) -> result.metrics().virtualThreadsMax(), ResultRow::virtualThreadsMax)),
				List.of(), Optional.empty()));
		charts.add(chart("in-flight", "Peak requests in flight (on loom: one virtual thread each)", "requests",
				List.of(new Figure("", false, (result) -> result.metrics().inFlightMax(), ResultRow::inFlightMax)),
				List.of(), Optional.empty()));
		charts.add(chart("memory", "Peak memory, RSS solid, heap dashed (MiB)", "MiB",
				List.of(new Figure(" RSS", false, (result) -> Format.toMebibytes(result.metrics().rssMaxBytes()),
						ResultRow::rssMaxMiB),
						new Figure(" heap", true, (result) -> Format.toMebibytes(result.metrics().heapMaxBytes()),
								ResultRow::heapMaxMiB)),
				List.of(), Optional.empty()));
		return charts;
	}

	private Chart chart(String name, String title, String unit, List<Figure> figures,
			List<Map<String, Object>> references, Optional<Map<String, Object>> markLine) {
		String id = this.scenario.id() + "-" + name;
		Map<String, Object> option = Chart.option(id, title, unit);
		option.put("xAxis", Map.of("type", "category", "name", "concurrent users", "nameLocation", "middle", "nameGap",
				28, "data", this.scenario.users().stream().map(Format::count).toList()));
		option.put("yAxis", Map.of("type", "value", "scale", false));
		List<Map<String, Object>> series = new ArrayList<>();
		for (Figure figure : figures) {
			for (String service : this.report.services()) {
				series.add(line(service, figure));
				errorBars(service, figure).ifPresent(series::add);
				this.earlier.ifPresent((run) -> series.add(earlierLine(run, service, figure)));
			}
		}
		series.addAll(references);
		markLine.ifPresent((line) -> {
			// ECharts does not stretch the axis to a mark line: make room for it.
			double limit = ((Number) ((Map<?, ?>) ((List<?>) line.get("data")).getFirst()).get("yAxis")).doubleValue();
			if (limit >= highest(series)) {
				option.put("yAxis", Map.of("type", "value", "max", Math.ceil(limit * 1.1)));
			}
			// A series of its own, so that its legend entry hides it.
			Map<String, Object> reference = Chart
				.reference(String.valueOf(((Map<?, ?>) line.get("label")).get("formatter")), List.of());
			reference.put("markLine", line);
			series.add(reference);
		});
		option.put("series", series);
		return new Chart(id, title, Optional.empty(), option);
	}

	private static double highest(List<Map<String, Object>> series) {
		double highest = 0;
		for (Map<String, Object> one : series) {
			for (Object point : (List<?>) one.get("data")) {
				Object value = (point instanceof Map<?, ?> map) ? map.get("value") : point;
				if (value instanceof List<?> list) {
					value = list.getLast();
				}
				if (value instanceof Number number) {
					highest = Math.max(highest, number.doubleValue());
				}
			}
		}
		return highest;
	}

	private Map<String, Object> line(String service, Figure figure) {
		List<Object> data = new ArrayList<>();
		for (int users : this.scenario.users()) {
			Optional<StepResult> found = this.report.result(this.scenario, service, users);
			if (found.isEmpty()) {
				data.add(null);
				continue;
			}
			StepResult result = found.get();
			Double value = Chart.value(figure.value().applyAsDouble(result));
			if (!result.hasErrors()) {
				data.add(value);
				continue;
			}
			// A run with failed requests: a red ring and its success rate beside it.
			Map<String, Object> point = new LinkedHashMap<>();
			point.put("value", value);
			point.put("symbolSize", 12);
			point.put("itemStyle", Map.of("color", "#fff", "borderColor", Chart.ERROR_COLOR, "borderWidth", 3));
			String note = Format.successRate(result.load()) + " ok";
			point.put("label", Map.of("show", true, "formatter", note, "color", Chart.ERROR_COLOR, "fontWeight", "bold",
					"position", "right"));
			point.put("note", note + result.failure().map((failure) -> " · " + failure).orElse(""));
			data.add(point);
		}
		return Chart.line(service + figure.suffix(), ServiceColors.of(service), figure.dashed(), data);
	}

	private Optional<Map<String, Object>> errorBars(String service, Figure figure) {
		List<Object> data = new ArrayList<>();
		List<Integer> steps = this.scenario.users();
		for (int i = 0; i < steps.size(); i++) {
			Optional<StepResult> result = this.report.result(this.scenario, service, steps.get(i));
			if (result.isEmpty() || result.get().runs().size() < 2) {
				continue;
			}
			Spread spread = Spread.of(result.get().runs().stream().mapToDouble(figure.value()).toArray());
			if (spread.measured()) {
				data.add(List.of(i, spread.min(), spread.max()));
			}
		}
		return data.isEmpty() ? Optional.empty()
				: Optional.of(Chart.errorBars(service + figure.suffix(), ServiceColors.of(service), data));
	}

	private Map<String, Object> earlierLine(EarlierRun run, String service, Figure figure) {
		List<Object> data = new ArrayList<>();
		for (int users : this.scenario.users()) {
			data.add(run.row(this.scenario.id(), service, users).map(figure.earlier()).orElse(null));
		}
		Map<String, Object> line = Chart.line(service + figure.suffix() + " (earlier)", ServiceColors.of(service), true,
				data);
		line.put("lineStyle",
				Map.of("color", ServiceColors.of(service), "width", 1.5, "type", "dotted", "opacity", 0.7));
		line.put("symbol", "emptyCircle");
		return line;
	}

	private List<Map<String, Object>> throughputReferences() {
		if (!this.scenario.waits()) {
			return List.of();
		}
		List<Map<String, Object>> references = new ArrayList<>();
		references.add(Chart.reference("ideal: users ÷ latency",
				this.scenario.users()
					.stream()
					.map((users) -> (Object) this.scenario.idealRequestsPerSecond(users))
					.toList()));
		poolSize().ifPresent((pool) -> references.add(Chart.reference(pool + "-thread pool: " + pool + " ÷ latency",
				this.scenario.users()
					.stream()
					.map((users) -> (Object) this.scenario.idealRequestsPerSecond(Math.min(users, pool)))
					.toList())));
		return references;
	}

	private List<Map<String, Object>> latencyReferences() {
		if (!this.scenario.waits()) {
			return List.of();
		}
		double latency = this.scenario.emulatedLatency().toNanos() / 1e6;
		List<Map<String, Object>> references = new ArrayList<>();
		references.add(Chart.reference("ideal: the latency itself",
				this.scenario.users().stream().map((users) -> (Object) latency).toList()));
		// Little's law for a full pool: users in the system = throughput × time in it,
		// with throughput capped at pool / latency, so the time is users × latency /
		// pool.
		poolSize().ifPresent((pool) -> references.add(Chart.reference(pool + "-thread pool by Little's law",
				this.scenario.users()
					.stream()
					.map((users) -> (Object) Math.max(latency, users * latency / pool))
					.toList())));
		return references;
	}

	private OptionalInt poolSize() {
		return this.report.services().stream().anyMatch((label) -> Contender.serviceOf(label).equals("classic"))
				? this.report.classicPoolSize(this.scenario) : OptionalInt.empty();
	}

	/**
	 * One figure drawn per service.
	 *
	 * @param suffix added to the service's name in the legend, e.g. {@code " p99"}
	 * @param dashed whether its line is dashed
	 * @param value the figure of a result
	 * @param earlier the same figure in an earlier run's {@code results.json}
	 */
	private record Figure(String suffix, boolean dashed, ToDoubleFunction<StepResult> value,
			Function<ResultRow, Double> earlier) {

	}

}
