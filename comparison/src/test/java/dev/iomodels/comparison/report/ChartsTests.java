package dev.iomodels.comparison.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.iomodels.comparison.results.ComparisonReport;
import dev.iomodels.comparison.results.RecordedResults;
import dev.iomodels.comparison.results.Repetitions;
import dev.iomodels.comparison.results.StepResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The ECharts options the report is drawn from: the charts against concurrency
 * ({@link ScenarioCharts}) and the per-second traces ({@link StepTraces}).
 */
class ChartsTests {

	private final ComparisonReport report = RecordedResults.report();

	@Test
	void eachServiceIsALineInItsGrafanaColourWithAPointPerStepAndTheReferencesAreGreyAndDashed() {
		Chart throughput = chart(ScenarioCharts.of(this.report, RecordedResults.LATENCY_SWEEP, Optional.empty()),
				"latency-sweep-throughput");

		assertThat(names(throughput)).containsExactly("classic", "loom", "webflux", "ideal: users ÷ latency",
				"200-thread pool: 200 ÷ latency");
		assertThat(throughput.series().getFirst()).containsEntry("color", "#3274D9");
		assertThat(throughput.points()).containsOnly(3);
		assertThat(throughput.series().get(3)).containsEntry("color", Chart.REFERENCE_COLOR)
			.containsEntry("lineStyle", Map.of("color", Chart.REFERENCE_COLOR, "width", 1.5, "type", "dashed"));
		// users ÷ latency at 50, 200 and 800 users; the pool caps at 200 ÷ 0.1 s.
		assertThat(throughput.series().get(3).get("data")).isEqualTo(List.of(500.0, 2000.0, 8000.0));
		assertThat(throughput.series().get(4).get("data")).isEqualTo(List.of(500.0, 2000.0, 2000.0));
		assertThat(throughput.option()).containsKeys("toolbox", "tooltip", "legend");
	}

	@Test
	void aConstantLimitIsAMarkLineOfItsOwnSeries() {
		Chart cpu = chart(ScenarioCharts.of(this.report, RecordedResults.LATENCY_SWEEP, Optional.empty()),
				"latency-sweep-cpu");

		Map<String, Object> cores = cpu.series().getLast();
		assertThat(cores).containsEntry("name", "cores available");
		assertThat(cores.get("markLine").toString()).contains("yAxis=2.0");
	}

	@Test
	void aRunWithFailedRequestsGetsARedRingAndItsSuccessRate() {
		Chart throughput = chart(ScenarioCharts.of(this.report, RecordedResults.C10K, Optional.empty()),
				"c10k-throughput");

		Object classic = ((List<?>) throughput.series().getFirst().get("data")).getFirst();
		assertThat(classic).isInstanceOf(Map.class);
		assertThat(classic.toString()).contains("borderColor=" + Chart.ERROR_COLOR, "97.56 % ok");
	}

	@Test
	void repeatedRunsGetAnErrorBarFromTheSmallestToTheLargestRun() {
		List<StepResult> runs = new ArrayList<>();
		for (double rps : new double[] { 1900, 1950, 2010 }) {
			runs.add(RecordedResults.result("c10k", "loom", 10_000, 1000, 0, rps, 1100, 1900));
		}
		ComparisonReport repeated = new ComparisonReport(this.report.environment(), List.of(RecordedResults.C10K),
				List.of("loom"), List.of(Repetitions.median(runs)));

		Chart throughput = chart(ScenarioCharts.of(repeated, RecordedResults.C10K, Optional.empty()),
				"c10k-throughput");

		assertThat(names(throughput)).containsExactly("loom", "loom", "ideal: users ÷ latency");
		assertThat(throughput.series().get(1)).containsEntry("type", "custom")
			.containsEntry("renderItem", "errorBar")
			.containsEntry("data", List.of(List.of(0, 1900.0, 2010.0)));
	}

	@Test
	void theTracesOfAStepAreTheServicesOverlaidWithCountersAsRatesPerSecond() {
		List<Chart> traces = StepTraces.of(this.report, RecordedResults.LATENCY_SWEEP, 800);

		assertThat(traces).extracting(Chart::id)
			.containsExactly("latency-sweep-800-users-throughput", "latency-sweep-800-users-latency",
					"latency-sweep-800-users-cpu", "latency-sweep-800-users-memory", "latency-sweep-800-users-gc",
					"latency-sweep-800-users-threads", "latency-sweep-800-users-in-flight");
		assertThat(traces).allSatisfy((chart) -> assertThat(chart.group()).hasValue("latency-sweep-800-users"));
		Chart throughput = traces.getFirst();
		assertThat(names(throughput)).containsExactly("classic", "loom", "webflux");
		List<?> classic = (List<?>) throughput.series().getFirst().get("data");
		assertThat(classic).hasSize(11);
		// The first sample has no increase yet; the recorded counter grows by the
		// throughput each second.
		assertThat(classic.get(0)).isEqualTo(java.util.Arrays.asList(0.0, null));
		assertThat(classic.get(1)).isEqualTo(List.of(1.0, 1950.0));
		assertThat(throughput.series().getFirst()).containsKey("markArea");
		List<?> gc = (List<?>) traces.get(4).series().getFirst().get("data");
		assertThat((Double) ((List<?>) gc.get(5)).get(1)).isCloseTo(4.0, within(1e-9));
		assertThat(names(traces.get(2))).containsExactly("classic", "loom", "webflux", "classic load generator",
				"loom load generator", "webflux load generator");
		assertThat(traces.get(0).option()).containsKey("dataZoom");
		// Each second's quantiles, from the increase of the recorded histogram: classic
		// answers half its requests within 400 ms and 99 % within 444 ms at 800 users.
		Chart latency = traces.get(1);
		assertThat(names(latency)).containsExactly("classic p50", "loom p50", "webflux p50", "classic p99", "loom p99",
				"webflux p99");
		List<?> classicP50 = (List<?>) latency.series().getFirst().get("data");
		assertThat(classicP50.get(0)).isEqualTo(java.util.Arrays.asList(0.0, null));
		assertThat((Double) ((List<?>) classicP50.get(1)).get(1)).isCloseTo(400.0, within(1e-6));
		List<?> classicP99 = (List<?>) latency.series().get(3).get("data");
		assertThat((Double) ((List<?>) classicP99.get(5)).get(1)).isCloseTo(800 / 1.8, within(1e-6));
	}

	private static Chart chart(List<Chart> charts, String id) {
		return charts.stream().filter((chart) -> chart.id().equals(id)).findFirst().orElseThrow();
	}

	private static List<Object> names(Chart chart) {
		return chart.series().stream().map((series) -> series.get("name")).toList();
	}

}
