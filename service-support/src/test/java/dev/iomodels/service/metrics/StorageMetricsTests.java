package dev.iomodels.service.metrics;

import java.util.concurrent.atomic.AtomicReference;

import dev.iomodels.storage.StorageStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorageMetricsTests {

	@Test
	void gaugesFollowTheStoresStats() {
		AtomicReference<StorageStats> stats = new AtomicReference<>(new StorageStats(0, 0));
		MeterRegistry registry = new SimpleMeterRegistry();
		new StorageMetrics(stats::get).bindTo(registry);

		stats.set(new StorageStats(3, 4096));

		assertThat(registry.get(StorageMetrics.OBJECTS).gauge().value()).isEqualTo(3);
		assertThat(registry.get(StorageMetrics.BYTES).gauge().value()).isEqualTo(4096);
	}

}
