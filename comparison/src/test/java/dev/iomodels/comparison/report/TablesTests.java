package dev.iomodels.comparison.report;

import java.util.List;
import java.util.Optional;

import dev.iomodels.comparison.results.ComparisonReport;
import dev.iomodels.comparison.results.Metric;
import dev.iomodels.comparison.results.RecordedResults;
import dev.iomodels.comparison.results.StepResult;
import org.junit.jupiter.api.Test;

import static dev.iomodels.comparison.results.RecordedResults.LATENCY_SWEEP;
import static dev.iomodels.comparison.results.RecordedResults.result;
import static org.assertj.core.api.Assertions.assertThat;

class TablesTests {

	@Test
	void aServiceThatExitedDuringAStepShowsWhatTheLoadGeneratorSawAndWhy() {
		StepResult healthy = result("latency-sweep", "loom", 800, 8_000, 70_000, 20_000, 200, 1_700);
		StepResult exited = new StepResult("latency-sweep", "loom", 800, healthy.load(), healthy.metrics(),
				healthy.samples(), healthy.loadWindow(), healthy.gatlingReport(), Optional
					.of("loom exited during the step: Terminating due to java.lang.OutOfMemoryError: Java heap space"));

		List<String> row = Tables.results(report(exited), LATENCY_SWEEP).getFirst();

		assertThat(row.get(2)).isEqualTo("20,000.0 req/s (10.25 % ok) · loom exited during the step: "
				+ "Terminating due to java.lang.OutOfMemoryError: Java heap space");
		assertThat(Tables.placed(Metric.P99_LATENCY, exited)).isEqualTo("loom 1,700 ms (10.25 % ok)");
	}

	@Test
	void aStepThatNeverRanShowsOnlyWhy() {
		StepResult failed = StepResult.failed("latency-sweep", "loom", 800, "did not start: port in use");

		assertThat(Tables.results(report(failed), LATENCY_SWEEP).getFirst().get(2))
			.isEqualTo("failed: did not start: port in use");
		assertThat(Tables.placed(Metric.THROUGHPUT, failed)).isEqualTo("loom failed");
	}

	private static ComparisonReport report(StepResult result) {
		ComparisonReport recorded = RecordedResults.report();
		return new ComparisonReport(recorded.environment(), List.of(LATENCY_SWEEP), List.of("loom"), List.of(result));
	}

}
