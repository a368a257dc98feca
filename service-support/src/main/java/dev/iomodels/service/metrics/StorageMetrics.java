package dev.iomodels.service.metrics;

import java.util.function.Supplier;

import dev.iomodels.storage.StorageStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * How full the store is: {@value #OBJECTS} and {@value #BYTES}, read from the port's
 * {@code stats()}, which never blocks, so a scrape costs the store nothing. Both ports
 * report the same numbers for the same content.
 */
public final class StorageMetrics implements MeterBinder {

	/** The number of objects stored. */
	public static final String OBJECTS = "storage.objects";

	/** The payload bytes stored. */
	public static final String BYTES = "storage.bytes";

	private final Supplier<StorageStats> stats;

	/**
	 * Create the gauges over a store's counts.
	 * @param stats the store's {@code stats()}
	 */
	public StorageMetrics(Supplier<StorageStats> stats) {
		this.stats = stats;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(OBJECTS, this.stats, (stats) -> stats.get().objects())
			.description("Objects in the store")
			.baseUnit("objects")
			.strongReference(true)
			.register(registry);
		Gauge.builder(BYTES, this.stats, (stats) -> stats.get().bytes())
			.description("Payload bytes in the store")
			.baseUnit(BaseUnits.BYTES)
			.strongReference(true)
			.register(registry);
	}

}
