package dev.iomodels.comparison.wall;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import dev.iomodels.harness.Service;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WallOptionsTests {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 7, 14, 30, 5);

	private static final InFlightLimits SMALL_MACHINE = new InFlightLimits(20_000, 20_000, 4096, 32768, 60999, 2048);

	@Test
	void byDefaultEveryServiceHolds2000To10000AndTheMachinesMaximumBehind5SecondsInTheFairHeap() {
		WallOptions options = WallOptions.parse(List.of(), NOW);

		assertThat(options.inFlight()).containsExactly(2000, 5000, 10_000, WallOptions.MAX);
		assertThat(options.steps(SMALL_MACHINE)).containsExactly(2000, 5000, 10_000, 17_000);
		assertThat(options.latency()).isEqualTo(Duration.ofSeconds(5));
		assertThat(options.hold()).isEqualTo(Duration.ofSeconds(20));
		assertThat(options.heap()).isEqualTo("512m");
		assertThat(options.smallestHeap()).isEmpty();
		assertThat(options.services()).isEqualTo(Service.ALL);
		assertThat(options.out()).isEqualTo(Path.of("results/20261207-143005-wall"));
	}

	@Test
	void flagsTakeTheirValueAfterASpaceOrAnEqualsSign() {
		WallOptions options = WallOptions.parse(List.of("--in-flight", "max,3000", "--latency=2s", "--hold", "6s",
				"--heap", "1g", "--smallest-heap=10000", "--services", "loom,webflux", "--out", "x"), NOW);

		assertThat(options.steps(SMALL_MACHINE)).as("ascending").containsExactly(3000, 17_000);
		assertThat(options.latency()).isEqualTo(Duration.ofSeconds(2));
		assertThat(options.heap()).isEqualTo("1g");
		assertThat(options.smallestHeap()).isEqualTo(Optional.of(10_000));
		assertThat(options.services()).containsExactly(Service.LOOM, Service.WEBFLUX);
		assertThat(options.out()).isEqualTo(Path.of("x"));
	}

	@Test
	void aStepEqualToTheMaximumRunsOnce() {
		assertThat(WallOptions.parse(List.of("--in-flight", "17000,max"), NOW).steps(SMALL_MACHINE))
			.containsExactly(17_000);
	}

	@Test
	void badValuesAndUnknownFlagsAreRefusedWithTheFlagsName() {
		assertThatIllegalArgumentException().isThrownBy(() -> WallOptions.parse(List.of("--in-flight", "0"), NOW))
			.withMessageContaining("--in-flight");
		assertThatIllegalArgumentException().isThrownBy(() -> WallOptions.parse(List.of("--latency", "0s"), NOW))
			.withMessageContaining("--latency");
		assertThatIllegalArgumentException().isThrownBy(() -> WallOptions.parse(List.of("--heap", "lots"), NOW))
			.withMessageContaining("--heap");
		assertThatIllegalArgumentException().isThrownBy(() -> WallOptions.parse(List.of("--users", "5"), NOW))
			.withMessageContaining("Unknown flag --users");
		assertThatIllegalArgumentException().isThrownBy(() -> WallOptions.parse(List.of("--hold"), NOW))
			.withMessageContaining("--hold needs a value");
	}

	@Test
	void aStepThatWouldAskForMoreThan1500RequestsASecondWaitsLonger() {
		WallOptions options = WallOptions.parse(List.of(), NOW);

		assertThat(options.latencyFor(2000)).isEqualTo(Duration.ofSeconds(5));
		assertThat(options.latencyFor(7500)).isEqualTo(Duration.ofSeconds(5));
		// 10,000 in flight at 1,500 a second: 6.67 s each.
		assertThat(options.latencyFor(10_000)).isEqualTo(Duration.ofMillis(6667));
		assertThat(options.latencyFor(17_000)).isEqualTo(Duration.ofMillis(11_334));
	}

	@Test
	void helpNeedsNoValue() {
		assertThat(WallOptions.parse(List.of("--help"), NOW).help()).isTrue();
	}

}
