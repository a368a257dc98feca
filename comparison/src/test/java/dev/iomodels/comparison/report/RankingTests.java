package dev.iomodels.comparison.report;

import java.util.List;
import java.util.Optional;

import dev.iomodels.comparison.results.Metric;
import dev.iomodels.comparison.results.Ranking;
import dev.iomodels.comparison.results.Repetitions;
import dev.iomodels.comparison.results.StepResult;
import dev.iomodels.comparison.sampling.LoadWindow;
import dev.iomodels.comparison.sampling.StepMetrics;
import org.junit.jupiter.api.Test;

import static dev.iomodels.comparison.results.RecordedResults.SERVICES;
import static dev.iomodels.comparison.results.RecordedResults.result;
import static org.assertj.core.api.Assertions.assertThat;

class RankingTests {

	@Test
	void theHighestThroughputWins() {
		Ranking ranking = Ranking.of(Metric.THROUGHPUT,
				List.of(result("s", "classic", 800, 19_500, 0, 1950, 410, 480),
						result("s", "loom", 800, 39_000, 0, 3900, 180, 260),
						result("s", "webflux", 800, 37_000, 0, 3700, 190, 300)),
				SERVICES);

		assertThat(ranking.order()).extracting(StepResult::service).containsExactly("loom", "webflux", "classic");
		assertThat(ranking.best()).map(StepResult::service).hasValue("loom");
		assertThat(ranking.runnerUp()).map(StepResult::service).hasValue("webflux");
	}

	@Test
	void theLowestLatencyWins() {
		Ranking ranking = Ranking.of(Metric.P99_LATENCY,
				List.of(result("s", "classic", 800, 19_500, 0, 1950, 410, 480),
						result("s", "loom", 800, 39_000, 0, 3900, 180, 260),
						result("s", "webflux", 800, 37_000, 0, 3700, 190, 240)),
				SERVICES);

		assertThat(ranking.order()).extracting(StepResult::service).containsExactly("webflux", "loom", "classic");
	}

	@Test
	void aRunWithFailedRequestsRanksLastEvenWithTheBestFigure() {
		// classic answers fastest because it fails a request in a hundred at once.
		Ranking ranking = Ranking.of(Metric.THROUGHPUT,
				List.of(result("s", "classic", 800, 99_000, 1_000, 9900, 5, 20),
						result("s", "loom", 800, 39_000, 0, 3900, 180, 260),
						result("s", "webflux", 800, 37_000, 0, 3700, 190, 300)),
				SERVICES);

		assertThat(ranking.order()).extracting(StepResult::service).containsExactly("loom", "webflux", "classic");
	}

	@Test
	void runsWithErrorsRankAmongThemselvesBySuccessRateBeforeTheirFigure() {
		Ranking ranking = Ranking.of(Metric.P50_LATENCY,
				List.of(result("s", "classic", 10_000, 50_000, 5_000, 1700, 5000, 59_000),
						result("s", "loom", 10_000, 99_990, 10, 8000, 1100, 1900),
						result("s", "webflux", 10_000, 100_000, 0, 7800, 1150, 2100)),
				SERVICES);

		assertThat(ranking.order()).extracting(StepResult::service).containsExactly("webflux", "loom", "classic");
	}

	@Test
	void aStepThatFailedToRunRanksBehindOneWithSomeFailedRequests() {
		Ranking ranking = Ranking.of(Metric.THROUGHPUT, List.of(StepResult.failed("s", "classic", 800, "did not start"),
				result("s", "loom", 800, 30_000, 3_000, 3000, 180, 260)), SERVICES);

		assertThat(ranking.order()).extracting(StepResult::service).containsExactly("loom", "classic");
	}

	@Test
	void anUnmeasuredFigureRanksAfterAMeasuredOne() {
		StepResult measured = result("s", "webflux", 800, 39_000, 0, 3900, 180, 260);
		StepResult sampledNothing = result("s", "classic", 800, 39_000, 0, 3900, 180, 260);
		StepResult unmeasured = new StepResult("s", "classic", 800, sampledNothing.load(), StepMetrics.NONE, List.of(),
				LoadWindow.WHOLE_STEP, Optional.empty(), Optional.empty());

		Ranking ranking = Ranking.of(Metric.PEAK_RSS, List.of(unmeasured, measured), SERVICES);

		assertThat(ranking.order()).containsExactly(measured, unmeasured);
	}

	@Test
	void equalFiguresAtTheTopAreATieInTheReportsOrderOfServices() {
		Ranking ranking = Ranking.of(Metric.P50_LATENCY, List.of(result("s", "webflux", 50, 4_900, 0, 490, 102, 110),
				result("s", "classic", 50, 4_900, 0, 490, 102, 109), result("s", "loom", 50, 4_800, 0, 480, 103, 111)),
				SERVICES);

		assertThat(ranking.tied()).isTrue();
		assertThat(ranking.order()).extracting(StepResult::service).containsExactly("classic", "webflux", "loom");
		assertThat(Tables.best(ranking)).isEqualTo("tie: classic, webflux 102 ms");
	}

	@Test
	void aTieNeedsTwoCleanRuns() {
		Ranking ranking = Ranking.of(Metric.P50_LATENCY, List.of(result("s", "classic", 50, 4_900, 0, 490, 102, 110),
				result("s", "loom", 50, 4_800, 100, 480, 102, 111)), SERVICES);

		assertThat(ranking.tied()).isFalse();
	}

	@Test
	void repeatedRunsWhoseRangesOverlapHaveNoClearWinnerEvenIfTheMediansDiffer() {
		// Medians 4,100 and 4,000 (2.5 % apart), ranges 3,700-4,400 and 3,900-4,200.
		StepResult loom = Repetitions.median(List.of(result("s", "loom", 50, 1, 0, 3_700, 2, 10),
				result("s", "loom", 50, 1, 0, 4_100, 2, 10), result("s", "loom", 50, 1, 0, 4_400, 2, 10)));
		StepResult classic = Repetitions.median(List.of(result("s", "classic", 50, 1, 0, 3_900, 2, 10),
				result("s", "classic", 50, 1, 0, 4_000, 2, 10), result("s", "classic", 50, 1, 0, 4_200, 2, 10)));

		Ranking ranking = Ranking.of(Metric.THROUGHPUT, List.of(classic, loom), SERVICES);

		assertThat(ranking.best()).hasValue(loom);
		assertThat(ranking.clear()).isFalse();
		assertThat(Tables.best(ranking)).startsWith("no clear winner: loom 4,100.0 req/s")
			.contains("[3,700.0 req/s–4,400.0 req/s over 3 runs]")
			.contains("≈ classic 4,000.0 req/s");
	}

	@Test
	void repeatedRunsWhoseRangesAreApartHaveAClearWinner() {
		StepResult loom = Repetitions
			.median(List.of(result("s", "loom", 50, 1, 0, 6_000, 2, 10), result("s", "loom", 50, 1, 0, 6_300, 2, 10)));
		StepResult classic = Repetitions.median(List.of(result("s", "classic", 50, 1, 0, 3_900, 2, 10),
				result("s", "classic", 50, 1, 0, 4_200, 2, 10)));

		Ranking ranking = Ranking.of(Metric.THROUGHPUT, List.of(classic, loom), SERVICES);

		assertThat(ranking.clear()).isTrue();
		assertThat(Tables.best(ranking)).startsWith("loom 6,150.0 req/s");
	}

	@Test
	void aSingleRunHasAClearWinnerUnlessTheFiguresAreEqual() {
		Ranking apart = Ranking.of(Metric.THROUGHPUT,
				List.of(result("s", "classic", 50, 1, 0, 4_000, 2, 10), result("s", "loom", 50, 1, 0, 4_001, 2, 10)),
				SERVICES);
		Ranking equal = Ranking.of(Metric.THROUGHPUT,
				List.of(result("s", "classic", 50, 1, 0, 4_000, 2, 10), result("s", "loom", 50, 1, 0, 4_000, 2, 10)),
				SERVICES);

		assertThat(apart.clear()).isTrue();
		assertThat(equal.clear()).isFalse();
		assertThat(Tables.best(equal)).startsWith("tie: classic, loom");
	}

}
