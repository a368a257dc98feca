package dev.iomodels.gatling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SloWatchTests {

	private static final long SECOND = 1_000_000_000L;

	private static final long MILLISECOND = 1_000_000L;

	/** The ramp asks for 10 requests/s in its first second, 20 in its second, ... */
	private final SloWatch watch = new SloWatch(new Slo(500, 1.0), (second) -> 10.0 * (second + 1));

	@Test
	void threeBreachedSecondsInARowEndTheRunAtTheRateOfTheThirdAndNameTheLastGoodOne() {
		for (int second = 0; second < 3; second++) {
			answer(second, 10, false);
		}
		for (int second = 3; second < 6; second++) {
			answer(second, 600, false);
		}
		assertThat(this.watch.verdict()).as("the third breached second is not over yet").isNull();

		answer(6, 10, false);

		assertThat(this.watch.verdict()).startsWith("SLO broken at 60 requests/s (p99 600 ms, limit 500 ms;")
			.endsWith("sustainable throughput about 30 requests/s");
	}

	@Test
	void aGoodSecondBetweenBreachesStartsTheCountAgain() {
		answer(0, 10, false);
		answer(1, 600, false);
		answer(2, 600, false);
		answer(3, 10, false);
		answer(4, 600, false);
		answer(5, 600, false);
		answer(6, 10, false);

		assertThat(this.watch.verdict()).isNull();
	}

	@Test
	void theSecondsP99IsJudgedNotItsSlowestRequest() {
		for (int second = 0; second < 4; second++) {
			// One slow request in a hundred is the 100th percentile, not the 99th.
			for (int request = 0; request < 99; request++) {
				answer(second, 10, false);
			}
			answer(second, 900, false);
		}
		answer(4, 10, false);

		assertThat(this.watch.verdict()).isNull();
	}

	@Test
	void failedRequestsOverTheLimitBreakTheObjectiveToo() {
		for (int second = 0; second < 3; second++) {
			// 2 of 10 failed: 20 %, over the 1 % allowed, however fast they were.
			for (int request = 0; request < 10; request++) {
				answer(second, 5, request < 2);
			}
		}
		answer(3, 5, false);

		assertThat(this.watch.verdict()).startsWith("SLO broken at 30 requests/s")
			.endsWith("not even the starting rate met it");
	}

	/**
	 * Record an operation that ends 800 ms into the given second of the run and took the
	 * given time (under a second: the run's clock starts when its first operation does).
	 */
	private void answer(int second, long millis, boolean failed) {
		long end = second * SECOND + 800 * MILLISECOND;
		this.watch.record(end - millis * MILLISECOND, end, failed);
	}

}
