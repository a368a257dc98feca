package dev.iomodels.storage.latency;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmulatedLatencyTests {

	@Test
	void noLatencyIsZeroAndDrawsZero() {
		assertThat(EmulatedLatency.NONE.isZero()).isTrue();
		assertThat(EmulatedLatency.NONE.next()).isZero();
	}

	@Test
	void latencyWithOnlyJitterIsNotZero() {
		assertThat(new EmulatedLatency(Duration.ZERO, Duration.ofNanos(1)).isZero()).isFalse();
		assertThat(new EmulatedLatency(Duration.ofNanos(1), Duration.ZERO).isZero()).isFalse();
	}

	@Test
	void withoutJitterEveryDrawIsTheBase() {
		EmulatedLatency latency = new EmulatedLatency(Duration.ofMillis(7), Duration.ZERO);
		for (int i = 0; i < 100; i++) {
			assertThat(latency.next()).isEqualTo(Duration.ofMillis(7));
		}
	}

	@Test
	void everyDrawLiesBetweenBaseAndBasePlusJitter() {
		Duration base = Duration.ofMillis(5);
		Duration jitter = Duration.ofMillis(3);
		EmulatedLatency latency = new EmulatedLatency(base, jitter);
		for (int i = 0; i < 10_000; i++) {
			assertThat(latency.next()).isBetween(base, base.plus(jitter));
		}
	}

	// With a jitter of two nanoseconds there are three possible draws; thousands of
	// draws must hit both ends, so the range is inclusive and really random.
	@Test
	void drawsCoverTheWholeJitterRangeIncludingBothEnds() {
		Duration base = Duration.ofMillis(1);
		EmulatedLatency latency = new EmulatedLatency(base, Duration.ofNanos(2));
		Set<Duration> drawn = new HashSet<>();
		for (int i = 0; i < 3_000; i++) {
			drawn.add(latency.next());
		}
		assertThat(drawn).containsExactlyInAnyOrder(base, base.plusNanos(1), base.plusNanos(2));
	}

	@Test
	void negativeBaseOrJitterIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EmulatedLatency(Duration.ofNanos(-1), Duration.ZERO));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EmulatedLatency(Duration.ZERO, Duration.ofMillis(-1)));
	}

}
