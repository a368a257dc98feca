package dev.iomodels.comparison.wall;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ServiceWallTests {

	private static final long MIB = 1 << 20;

	@Test
	void aPoolQueuesWhatItCannotRunAndTheCrowdWaitsAsLittlesLawSays() {
		ServiceWall classic = wall(Optional.of(200));

		// 200 threads, 5 s each: 40 a second; 2,000 users each wait 2,000 / 40 = 50 s.
		assertThat(classic.littlesLaw(2000, 5.0)).containsExactly(new double[] { 40, 50 }, within(1e-9));
		// A crowd no larger than the pool waits only the latency.
		assertThat(classic.littlesLaw(100, 5.0)).containsExactly(new double[] { 20, 5 }, within(1e-9));
	}

	@Test
	void withoutAPoolEveryRequestWaitsOnlyTheLatency() {
		assertThat(wall(Optional.empty()).littlesLaw(10_000, 5.0)).containsExactly(new double[] { 2000, 5 },
				within(1e-9));
	}

	@Test
	void memoryPerThousandInFlightIsTheGrowthFromIdleDividedByTheRequestsInFlight() {
		ServiceWall loom = wall(Optional.empty());
		WallStep step = loom.steps().get(0);

		// From 40 MiB idle to 1,040 MiB at 10,000 in flight: 100 MiB per 1,000.
		assertThat(step.perThousand(MemorySnapshot::liveHeapBytes)).isEqualTo(100.0 * MIB);
		assertThat(step.perThousand(MemorySnapshot::rssBytes)).isEqualTo(50.0 * MIB);
		assertThat(step.held()).isTrue();
		WallStep unmeasured = WallStep.failed("loom", 10_000, "512m", "loom exited");
		assertThat(unmeasured.perThousand(MemorySnapshot::liveHeapBytes)).isNaN();
		assertThat(unmeasured.held()).isFalse();
	}

	private static ServiceWall wall(Optional<Integer> workerThreads) {
		MemorySnapshot idle = snapshot(40 * MIB, 400 * MIB);
		MemorySnapshot peak = snapshot(1040 * MIB, 900 * MIB);
		WallStep step = new WallStep("loom", 10_000, "4g", 20_000, 0, 5000, 5010, 5001, 1900, 5000, Optional.of(idle),
				Optional.of(peak), Optional.empty());
		return new ServiceWall("loom", "virtual-threads", workerThreads, List.of(step), Optional.empty(), List.of());
	}

	private static MemorySnapshot snapshot(long live, long rss) {
		return new MemorySnapshot(live, rss, rss, Map.of(), List.of(), 38, 100, 0);
	}

}
