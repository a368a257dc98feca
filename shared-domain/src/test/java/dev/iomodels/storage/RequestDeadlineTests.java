package dev.iomodels.storage;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static dev.iomodels.storage.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RequestDeadlineTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	@Test
	void bytesArrivingUpToTheDeadlinePass() {
		RequestDeadline deadline = RequestDeadline.start(Duration.ofSeconds(1), this.clock);
		this.clock.advance(Duration.ofMillis(999));
		assertThatNoException().isThrownBy(deadline::checkBodyArrival);
		this.clock.advance(Duration.ofMillis(1));
		assertThatNoException().isThrownBy(deadline::checkBodyArrival);
	}

	@Test
	void bytesArrivingAfterTheDeadlineAreRefusedWithRequestTimeout() {
		RequestDeadline deadline = RequestDeadline.start(Duration.ofSeconds(1), this.clock);
		this.clock.advance(Duration.ofMillis(1001));
		assertThatExceptionOfType(ProblemException.class).isThrownBy(deadline::checkBodyArrival)
			.satisfies((problem) -> assertThat(problem.type()).isEqualTo(ProblemType.REQUEST_TIMEOUT))
			.satisfies((problem) -> assertThat(problem.detail()).contains("1000 ms").contains("nothing was stored"));
	}

	// The deadline counts from the start, not from the last arrival: a client cannot
	// stretch a request by sending a byte now and then.
	@Test
	void theDeadlineCountsFromTheStartNotFromTheLastArrival() {
		RequestDeadline deadline = RequestDeadline.start(Duration.ofSeconds(1), this.clock);
		for (int i = 0; i < 4; i++) {
			this.clock.advance(Duration.ofMillis(200));
			deadline.checkBodyArrival();
		}
		this.clock.advance(Duration.ofMillis(201));
		assertProblem(deadline::checkBodyArrival, ProblemType.REQUEST_TIMEOUT);
	}

	@Test
	void aNegativeTimeoutIsOffAndNeverPasses() {
		RequestDeadline deadline = RequestDeadline.start(Duration.ofMillis(-1), this.clock);
		assertThat(deadline.isBounded()).isFalse();
		this.clock.advance(Duration.ofDays(365));
		assertThatNoException().isThrownBy(deadline::checkBodyArrival);
		assertThat(RequestDeadline.none().isBounded()).isFalse();
		assertThat(RequestDeadline.start(Duration.ofSeconds(1), this.clock).isBounded()).isTrue();
	}

	// The storage gets at most the remaining budget.

	@Test
	void theStorageGetsTheRemainingBudgetWhenItIsShorterThanTheStorageTimeout() {
		RequestDeadline deadline = RequestDeadline.start(Duration.ofSeconds(3), this.clock);
		assertThat(deadline.limit(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(3));
		this.clock.advance(Duration.ofMillis(2600));
		assertThat(deadline.limit(Duration.ofMillis(600))).isEqualTo(Duration.ofMillis(400));
		assertThat(deadline.limit(null)).isEqualTo(Duration.ofMillis(400));
	}

	@Test
	void theStorageTimeoutAppliesWhenItIsShorterThanTheRemainingBudget() {
		RequestDeadline deadline = RequestDeadline.start(Duration.ofSeconds(3), this.clock);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(deadline.limit(Duration.ofMillis(600))).isEqualTo(Duration.ofMillis(600));
	}

	@Test
	void aPassedDeadlineLeavesTheStorageNoTime() {
		RequestDeadline deadline = RequestDeadline.start(Duration.ofSeconds(1), this.clock);
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(deadline.limit(Duration.ofMillis(600))).isZero();
	}

	@Test
	void withoutADeadlineOnlyTheStorageTimeoutLimits() {
		assertThat(RequestDeadline.none().limit(Duration.ofMillis(600))).isEqualTo(Duration.ofMillis(600));
		assertThat(RequestDeadline.none().limit(null)).isNull();
	}

}
