package dev.iomodels.comparison.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.results.ComparisonReport;
import dev.iomodels.comparison.results.Format;
import dev.iomodels.comparison.results.StepResult;
import dev.iomodels.comparison.sampling.LatencyHistogram;
import dev.iomodels.comparison.sampling.MetricSample;

/**
 * The per-second story of one scenario step, from the samples the comparison takes every
 * second ({@code samples.csv}): the three services overlaid on one time axis, zero where
 * the measured load began, its window shaded. Gauges are drawn as read; counters as their
 * increase per second between two samples. With repeated runs, the samples are those of
 * the run whose throughput was the median. Latency comes from the service's own histogram
 * of request times ({@link LatencyHistogram}), the increase between two samples: the
 * server's view, without the time a request waits in the kernel's queues before the
 * service reads it, which the load generator's figures include.
 */
final class StepTraces {

	private final ComparisonReport report;

	private final Scenario scenario;

	private final int users;

	private StepTraces(ComparisonReport report, Scenario scenario, int users) {
		this.report = report;
		this.scenario = scenario;
		this.users = users;
	}

	/**
	 * Build the trace charts of one step.
	 * @param report the comparison
	 * @param scenario the scenario
	 * @param users the step
	 * @return the charts, in reading order; empty if no service has samples of the step
	 */
	static List<Chart> of(ComparisonReport report, Scenario scenario, int users) {
		return new StepTraces(report, scenario, users).charts();
	}

	/**
	 * Return the group the charts of a step share their tooltip and zoom in.
	 * @param scenario the scenario
	 * @param users the step
	 * @return the group's name, also the prefix of the charts' ids
	 */
	static String group(Scenario scenario, int users) {
		return scenario.id() + "-" + users + "-users";
	}

	/**
	 * The CPU of each service beside the load generator's and, on the remote backend, the
	 * storage node's: both share the machine with the service.
	 */
	private Chart cpuChart(List<StepResult> results) {
		List<Trace> traces = new ArrayList<>(List.of(Trace.counter("", false, MetricSample::cpuSeconds),
				Trace.counter(" load generator", true, MetricSample::loadGeneratorCpuSeconds)));
		if (this.report.storageNode()) {
			traces.add(Trace.counter(" storage node", true, MetricSample::storageCpuSeconds));
		}
		return chart(results, "cpu", "CPU, service solid, load generator"
				+ (this.report.storageNode() ? " and storage node" : "") + " dashed (cores)", "cores", traces);
	}

	private List<Chart> charts() {
		List<StepResult> results = this.report.step(this.scenario, this.users)
			.stream()
			.filter((result) -> !result.samples().isEmpty())
			.toList();
		if (results.isEmpty()) {
			return List.of();
		}
		return List.of(
				chart(results, "throughput", "Requests answered per second", "req/s",
						List.of(Trace.counter("", false, MetricSample::requestsServed))),
				chart(results, "latency", "Latency per second (server histogram), p50 solid, p99 dashed (ms)", "ms",
						List.of(Trace.latency(" p50", false, 0.50), Trace.latency(" p99", true, 0.99))),
				cpuChart(results),
				chart(results, "memory", "Memory, RSS solid, heap dashed (MiB)", "MiB",
						List.of(Trace.gauge(" RSS", false, (sample) -> Format.toMebibytes(sample.rssBytes())),
								Trace.gauge(" heap", true, (sample) -> Format.toMebibytes(sample.heapUsedBytes())))),
				chart(results, "gc", "Time in GC pauses per second (ms)", "ms",
						List.of(Trace.counter("", false, (sample) -> sample.gcPauseSeconds() * 1000))),
				chart(results, "threads", "Threads, platform solid, virtual dashed", "threads",
						List.of(Trace.gauge(" platform", false, MetricSample::platformThreads),
								Trace.gauge(" virtual", true, MetricSample::virtualThreads))),
				chart(results, "in-flight", "Requests in flight", "requests",
						List.of(Trace.gauge("", false, MetricSample::inFlightRequests))));
	}

	private Chart chart(List<StepResult> results, String name, String title, String unit, List<Trace> traces) {
		String group = group(this.scenario, this.users);
		String id = group + "-" + name;
		Map<String, Object> option = Chart.option(id, title, unit);
		option.put("xAxis", Map.of("type", "value", "name", "seconds since the load began", "nameLocation", "middle",
				"nameGap", 28));
		option.put("yAxis", Map.of("type", "value"));
		option.put("dataZoom", List.of(Map.of("type", "inside"), Map.of("type", "slider", "height", 14, "bottom", 4)));
		@SuppressWarnings("unchecked")
		Map<String, Object> toolbox = new LinkedHashMap<>((Map<String, Object>) option.get("toolbox"));
		toolbox.put("feature", Map.of("dataZoom", Map.of("yAxisIndex", "none"), "restore", Map.of(), "saveAsImage",
				Map.of("name", id, "pixelRatio", 2)));
		option.put("toolbox", toolbox);
		List<Map<String, Object>> series = new ArrayList<>();
		for (Trace trace : traces) {
			for (StepResult result : results) {
				Map<String, Object> line = Chart.line(result.service() + trace.suffix(),
						ServiceColors.of(result.service()), trace.dashed(), points(result, trace));
				line.put("symbolSize", 4);
				series.add(line);
			}
		}
		loadWindow(results).ifPresent((window) -> series.getFirst().put("markArea", window));
		option.put("series", series);
		return new Chart(id, title, Optional.of(group), option);
	}

	/**
	 * Return one point per sample: {@code [seconds, value]}, the value {@code null} where
	 * not measured and, for a figure of the interval since the sample before, at the
	 * first sample.
	 */
	private static List<Object> points(StepResult result, Trace trace) {
		List<MetricSample> samples = result.samples();
		double origin = Double.isFinite(result.loadWindow().fromSeconds()) ? result.loadWindow().fromSeconds() : 0;
		List<Object> points = new ArrayList<>();
		for (int i = 0; i < samples.size(); i++) {
			MetricSample sample = samples.get(i);
			double value = trace.reading().of((i > 0) ? samples.get(i - 1) : null, sample);
			List<Object> point = new ArrayList<>(2);
			point.add(Math.round((sample.seconds() - origin) * 100) / 100.0);
			point.add(Chart.value(value));
			points.add(point);
		}
		return points;
	}

	/** Shade the measured load's window, from the first service that saw it. */
	private static Optional<Map<String, Object>> loadWindow(List<StepResult> results) {
		return results.stream()
			.map(StepResult::loadWindow)
			.filter((window) -> Double.isFinite(window.fromSeconds()) && Double.isFinite(window.toSeconds()))
			.findFirst()
			.map((window) -> Map.of("silent", true, "itemStyle", Map.of("color", "rgba(120, 120, 120, 0.08)"), "data",
					List.of(List.of(Map.of("name", "measured load", "xAxis", 0),
							Map.of("xAxis", Math.round((window.toSeconds() - window.fromSeconds()) * 100) / 100.0)))));
	}

	/**
	 * One figure traced per service.
	 *
	 * @param suffix added to the service's name in the legend
	 * @param dashed whether its line is dashed
	 * @param reading the figure at a sample, given the sample before it
	 */
	private record Trace(String suffix, boolean dashed, Reading reading) {

		/** A gauge, drawn as read. */
		static Trace gauge(String suffix, boolean dashed, ToDoubleFunction<MetricSample> value) {
			return new Trace(suffix, dashed, (previous, sample) -> value.applyAsDouble(sample));
		}

		/**
		 * A cumulative counter, drawn as its increase per second since the sample before.
		 */
		static Trace counter(String suffix, boolean dashed, ToDoubleFunction<MetricSample> value) {
			return new Trace(suffix, dashed,
					(previous, sample) -> (previous == null) ? Double.NaN
							: (value.applyAsDouble(sample) - value.applyAsDouble(previous))
									/ (sample.seconds() - previous.seconds()));
		}

		/** A quantile of the requests answered since the sample before. */
		static Trace latency(String suffix, boolean dashed, double quantile) {
			return new Trace(suffix, dashed, (previous, sample) -> (previous == null) ? Double.NaN
					: sample.latency().since(previous.latency()).quantileMillis(quantile));
		}

	}

	/** What a trace shows at a sample. */
	@FunctionalInterface
	private interface Reading {

		/**
		 * Return the figure at a sample.
		 * @param previous the sample before it, {@code null} for the first
		 * @param sample the sample
		 * @return the figure, {@code NaN} where there is none
		 */
		double of(MetricSample previous, MetricSample sample);

	}

}
