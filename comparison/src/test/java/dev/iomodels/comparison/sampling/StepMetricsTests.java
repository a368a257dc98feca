package dev.iomodels.comparison.sampling;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StepMetricsTests {

	private static final double NOT_EXPOSED = Double.NaN;

	@Test
	void aCounterIncreasesByItsGrowthBetweenTheFirstAndTheLastSample() {
		assertThat(CounterIncrease.over(List.of(100.0, 130.0, 130.0, 175.0))).isEqualTo(75.0);
	}

	@Test
	void aCounterThatDropsWasResetSoTheValueAfterTheDropCountsInFull() {
		// 100 → 130: +30; reset, then 12 counted since the restart: +12; 12 → 20: +8.
		assertThat(CounterIncrease.over(List.of(100.0, 130.0, 12.0, 20.0))).isEqualTo(50.0);
	}

	@Test
	void aMissingReadingOfACounterIsSkippedNotTakenAsZero() {
		assertThat(CounterIncrease.over(List.of(100.0, Double.NaN, 140.0))).isEqualTo(40.0);
	}

	@Test
	void aCounterNoSampleHasIsNotMeasured() {
		assertThat(CounterIncrease.over(List.of(Double.NaN, Double.NaN))).isNaN();
	}

	@Test
	void gcFiguresAreIncreasesOverTheWindowNotSumsOfTheCumulativeValues() {
		StepMetrics metrics = StepMetrics
			.of(List.of(sample(0).gc(40, 1.2).build(), sample(1).gc(41, 1.25).build(), sample(2).gc(43, 1.31).build()));

		assertThat(metrics.gcPauses()).isEqualTo(3);
		assertThat(metrics.gcPauseMillis()).isCloseTo(110, within(1e-9));
	}

	@Test
	void gcFiguresSurviveACounterResetInTheWindow() {
		StepMetrics metrics = StepMetrics
			.of(List.of(sample(0).gc(40, 1.2).build(), sample(1).gc(42, 1.3).build(), sample(2).gc(1, 0.02).build()));

		assertThat(metrics.gcPauses()).isEqualTo(3);
		assertThat(metrics.gcPauseMillis()).isCloseTo(120, within(1e-9));
	}

	@Test
	void aStepInWhichTheJitCompiledForMoreThanATwentiethOfTheTimeIsFlaggedAsStillWarmingUp() {
		// Two compiler threads busy half the time: 1,000 ms of compilation per second.
		StepMetrics cold = StepMetrics.of(List.of(sample(0).requests(0).compilation(5_000).build(),
				sample(1).requests(100).compilation(6_000).build(),
				sample(2).requests(200).compilation(7_000).build()));
		// The odd method: 10 ms per second.
		StepMetrics warm = StepMetrics.of(List.of(sample(0).requests(0).compilation(9_000).build(),
				sample(1).requests(100).compilation(9_010).build(),
				sample(2).requests(200).compilation(9_020).build()));

		assertThat(cold.compilationMillis()).isEqualTo(2_000);
		assertThat(cold.jitShare()).isCloseTo(1.0, within(1e-9));
		assertThat(cold.jitBusy()).isTrue();
		assertThat(warm.jitShare()).isCloseTo(0.01, within(1e-9));
		assertThat(warm.jitBusy()).isFalse();
	}

	@Test
	void aProcessThatDoesNotCountItsRequestsIsLoadedOverTheWholeWindow() {
		// A control app: no request counter on its API, CPU still read from its process.
		StepMetrics metrics = StepMetrics
			.of(List.of(sample(0).cpu(10).build(), sample(1).cpu(11.5).build(), sample(2).cpu(13).build()));

		assertThat(metrics.loadedSeconds()).isEqualTo(2);
		assertThat(metrics.cpuCores()).isCloseTo(1.5, within(1e-9));
	}

	@Test
	void gaugesArePeaksOverTheWindow() {
		StepMetrics metrics = StepMetrics.of(List.of(sample(0).rss(400).heap(100).platformThreads(20).build(),
				sample(1).rss(520).heap(300).platformThreads(220).build(),
				sample(2).rss(510).heap(150).platformThreads(219).build()));

		assertThat(metrics.rssMaxBytes()).isEqualTo(520);
		assertThat(metrics.heapMaxBytes()).isEqualTo(300);
		assertThat(metrics.platformThreadsMax()).isEqualTo(220);
	}

	@Test
	void aGaugeTheServiceDoesNotExposeIsNotMeasured() {
		StepMetrics metrics = StepMetrics.of(List.of(sample(0).build(), sample(1).build()));

		assertThat(metrics.virtualThreadsMax()).isNaN();
	}

	@Test
	void cpuUnderLoadCountsOnlyTheSecondsInWhichRequestsWereAnswered() {
		// Two idle seconds (the load generator starting) dilute nothing: 3 CPU-seconds in
		// 2 loaded seconds is 1.5 cores.
		StepMetrics metrics = StepMetrics.of(List.of(sample(0).cpu(10).requests(0).build(),
				sample(1).cpu(10.1).requests(0).build(), sample(2).cpu(10.2).requests(0).build(),
				sample(3).cpu(11.7).requests(1000).build(), sample(4).cpu(13.2).requests(2000).build()));

		assertThat(metrics.loadedSeconds()).isEqualTo(2);
		assertThat(metrics.cpuCores()).isCloseTo(1.5, within(1e-9));
	}

	@Test
	void whatElseTheMachineDidIsItsBusyTimeLessTheServiceAndTheLoadGenerator() {
		// In two loaded seconds the machine was busy 3.6 s: 1.5 s the service, 1.6 s the
		// load generator, 0.5 s something else (a build running beside the comparison).
		StepMetrics metrics = StepMetrics.of(List.of(sample(0).cpu(10).machine(500, 40).requests(0).build(),
				sample(1).cpu(10.75).machine(501.8, 40.8).requests(1000).build(),
				sample(2).cpu(11.5).machine(503.6, 41.6).requests(2000).build()));

		assertThat(metrics.loadGeneratorCores()).isCloseTo(0.8, within(1e-9));
		assertThat(metrics.otherCores()).isCloseTo(0.25, within(1e-9));
		assertThat(metrics.storageCores()).isNaN();
	}

	@Test
	void aStorageNodesCpuIsReportedApartAndNotCountedAsSomethingElse() {
		// The same machine, but 0.4 s of the 0.5 s "something else" was the storage node.
		StepMetrics metrics = StepMetrics
			.of(List.of(sample(0).cpu(10).machine(500, 40).storageNode(7).requests(0).build(),
					sample(1).cpu(10.75).machine(501.8, 40.8).storageNode(7.2).requests(1000).build(),
					sample(2).cpu(11.5).machine(503.6, 41.6).storageNode(7.4).requests(2000).build()));

		assertThat(metrics.storageCores()).isCloseTo(0.2, within(1e-9));
		assertThat(metrics.otherCores()).isCloseTo(0.05, within(1e-9));
	}

	@Test
	void cpuPerRequestIsTheCpuTimeOfTheWindowOverTheRequestsAnsweredInIt() {
		StepMetrics metrics = StepMetrics.of(List.of(sample(0).cpu(10).requests(500).build(),
				sample(1).cpu(11).requests(2500).build(), sample(2).cpu(12).requests(4500).build()));

		assertThat(metrics.requestsServed()).isEqualTo(4000);
		assertThat(metrics.cpuMillisPerRequest()).isCloseTo(0.5, within(1e-9));
	}

	@Test
	void samplesOutsideTheLoadWindowAreLeftOutAndTheLastOneBeforeItIsTheCountersBaseline() {
		// The preload (100 requests in flight) before the window and the cleanup after it
		// must not set the peak of a 5-user step; the last sample before the window is
		// only
		// the counters' baseline.
		List<MetricSample> samples = List.of(sample(0).inFlight(100).requests(0).gc(5, 0.1).build(),
				sample(1).inFlight(100).requests(1000).gc(6, 0.2).build(),
				sample(2).inFlight(5).requests(1050).gc(7, 0.3).build(),
				sample(3).inFlight(5).requests(1100).gc(9, 0.5).build(),
				sample(4).inFlight(100).requests(2100).gc(12, 0.9).build());

		StepMetrics metrics = StepMetrics.of(samples, new LoadWindow(1.5, 3.2));

		assertThat(metrics.inFlightMax()).isEqualTo(5);
		assertThat(metrics.requestsServed()).isEqualTo(100);
		assertThat(metrics.gcPauses()).isEqualTo(3);
		assertThat(metrics.samples()).isEqualTo(3);
	}

	@Test
	void aWindowTooShortForTwoSamplesFallsBackToTheWholeStep() {
		List<MetricSample> samples = List.of(sample(0).requests(0).build(), sample(1).requests(10).build(),
				sample(2).requests(20).build());

		StepMetrics metrics = StepMetrics.of(samples, new LoadWindow(-2, -1));

		assertThat(metrics.requestsServed()).isEqualTo(20);
	}

	@Test
	void noSamplesMeanNothingMeasured() {
		assertThat(StepMetrics.NONE.samples()).isZero();
		assertThat(StepMetrics.NONE.cpuCores()).isNaN();
		assertThat(StepMetrics.NONE.rssMaxBytes()).isNaN();
	}

	static SampleBuilder sample(double seconds) {
		return new SampleBuilder(seconds);
	}

	/**
	 * A sample with every figure not exposed unless set.
	 */
	static final class SampleBuilder {

		private final double[] values = new double[17];

		SampleBuilder(double seconds) {
			Arrays.fill(this.values, NOT_EXPOSED);
			this.values[0] = seconds;
		}

		SampleBuilder heap(double bytes) {
			return set(1, bytes);
		}

		SampleBuilder platformThreads(double threads) {
			return set(3, threads);
		}

		SampleBuilder virtualThreads(double threads) {
			return set(4, threads);
		}

		SampleBuilder rss(double bytes) {
			return set(6, bytes);
		}

		SampleBuilder inFlight(double requests) {
			return set(7, requests);
		}

		SampleBuilder cpu(double seconds) {
			return set(8, seconds);
		}

		SampleBuilder machine(double busySeconds, double loadGeneratorSeconds) {
			set(9, busySeconds);
			return set(10, loadGeneratorSeconds);
		}

		SampleBuilder storageNode(double cpuSeconds) {
			return set(16, cpuSeconds);
		}

		SampleBuilder compilation(double millis) {
			return set(15, millis);
		}

		SampleBuilder requests(double served) {
			return set(11, served);
		}

		SampleBuilder gc(double pauses, double pauseSeconds) {
			set(12, pauses);
			return set(13, pauseSeconds);
		}

		private SampleBuilder set(int index, double value) {
			this.values[index] = value;
			return this;
		}

		MetricSample build() {
			double[] v = this.values;
			return new MetricSample(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[16], v[11],
					v[12], v[13], v[14], v[15], LatencyHistogram.NONE);
		}

	}

}
