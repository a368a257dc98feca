package dev.iomodels.comparison.results;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.iomodels.comparison.results.RecordedResults.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RepetitionsTests {

	@Test
	void theMedianOfAnOddNumberOfValuesIsTheMiddleOne() {
		assertThat(Repetitions.median(9, 1, 5)).isEqualTo(5);
	}

	@Test
	void theMedianOfAnEvenNumberOfValuesIsTheMeanOfTheMiddleTwo() {
		assertThat(Repetitions.median(4, 1, 10, 6)).isEqualTo(5);
	}

	@Test
	void aRunThatDidNotMeasureAFigureIsLeftOutOfItsMedian() {
		assertThat(Repetitions.median(Double.NaN, 3, 7)).isEqualTo(5);
		assertThat(Repetitions.median(Double.NaN, Double.NaN)).isNaN();
	}

	@Test
	void repeatedRunsOfAStepBecomeTheMedianOfEachFigureWithTheirRange() {
		StepResult slow = result("s", "loom", 50, 30_000, 0, 3_000, 10, 40);
		StepResult typical = result("s", "loom", 50, 40_000, 0, 4_000, 8, 30);
		StepResult fast = result("s", "loom", 50, 50_000, 0, 5_000, 6, 90);

		StepResult summary = Repetitions.median(List.of(slow, fast, typical));

		assertThat(summary.load().requestsPerSecond()).isEqualTo(4_000);
		assertThat(summary.load().p50Millis()).isEqualTo(8);
		assertThat(summary.load().p99Millis()).isEqualTo(40);
		// Counts add up, so that the success rate is that of every request sent.
		assertThat(summary.load().requestsOk()).isEqualTo(120_000);
		assertThat(summary.runs()).containsExactly(slow, fast, typical);
		assertThat(summary.spread(Metric.THROUGHPUT)).isEqualTo(new Spread(3_000, 5_000));
		assertThat(summary.spread(Metric.P99_LATENCY)).isEqualTo(new Spread(30, 90));
		// The samples are those of the run with the median throughput.
		assertThat(summary.samples()).isEqualTo(typical.samples());
		assertThat(summary.metrics().cpuMillisPerRequest()).isCloseTo(typical.metrics().cpuMillisPerRequest(),
				within(1e-9));
	}

	@Test
	void aSingleRunIsItsOwnSummaryWithARangeOfOnePoint() {
		StepResult once = result("s", "loom", 50, 40_000, 0, 4_000, 8, 30);

		StepResult summary = Repetitions.median(List.of(once));

		assertThat(summary).isSameAs(once);
		assertThat(summary.spread(Metric.THROUGHPUT)).isEqualTo(new Spread(4_000, 4_000));
	}

	@Test
	void aStepThatFailedInOneRunSaysSoInItsSummary() {
		StepResult ok = result("s", "loom", 50, 40_000, 0, 4_000, 8, 30);
		StepResult failed = StepResult.failed("s", "loom", 50, "did not start");

		StepResult summary = Repetitions.median(List.of(ok, failed));

		assertThat(summary.failure()).hasValue("1 of 2 runs failed: did not start");
		assertThat(summary.hasErrors()).isTrue();
	}

	@Test
	void runsAreGroupedByScenarioServiceAndStepInTheOrderTheyWereFirstMade() {
		List<StepResult> runs = List.of(result("s", "classic", 50, 1, 0, 100, 1, 2),
				result("s", "loom", 50, 1, 0, 200, 1, 2), result("s", "classic", 50, 1, 0, 300, 1, 2),
				result("s", "loom", 50, 1, 0, 400, 1, 2));

		List<StepResult> summaries = Repetitions.summarise(runs);

		assertThat(summaries).extracting(StepResult::service).containsExactly("classic", "loom");
		assertThat(summaries).extracting((summary) -> summary.load().requestsPerSecond()).containsExactly(200.0, 300.0);
	}

}
