package dev.iomodels.postgres;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import dev.iomodels.postgres.testing.TestDatabases;
import dev.iomodels.service.StorageAutoConfiguration;
import dev.iomodels.storage.ForwardingObjectStore;
import dev.iomodels.storage.ForwardingReactiveObjectStore;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ReactiveObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wiring of the postgres backend: nothing of it without
 * {@code storage.backend=postgres}; with it, the JDBC stack for a servlet application and
 * the R2DBC stack for a reactive one, each engine wrapped once in the emulated latency
 * and the storage timer, with its pool's meters in the registry.
 */
class PostgresStorageAutoConfigurationTests {

	/** A latency to emulate, so that every layer is there to be seen. */
	private static final String LATENCY = "storage.emulated-latency=1ms";

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations
		.of(PostgresStorageAutoConfiguration.class, StorageAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("spring.application.name=wiring-test");

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("spring.application.name=wiring-test");

	@Test
	void theMemoryBackendOpensNoDatabase() {
		this.servlet.run((context) -> {
			assertThat(context).doesNotHaveBean(HikariDataSource.class);
			assertThat(context.getBean(ObjectStore.class).backend()).isEqualTo("memory");
		});
		this.reactive.run((context) -> {
			assertThat(context).doesNotHaveBean(ConnectionPool.class);
			assertThat(context.getBean(ReactiveObjectStore.class).backend()).isEqualTo("memory");
		});
	}

	@Test
	void aServletApplicationGetsTheJdbcStoreWithHikariMetersAndTheStorageTimer() {
		this.servlet.withPropertyValues(postgres("wiring_jdbc")).withPropertyValues(LATENCY).run((context) -> {
			assertThat(context).hasSingleBean(HikariDataSource.class).doesNotHaveBean(ConnectionPool.class);
			ObjectStore store = context.getBean(ObjectStore.class);
			assertThat(store.backend()).isEqualTo("postgres");
			assertThat(layers(store)).containsExactly("TimedObjectStore", "LatencyEmulatingObjectStore",
					"JdbcObjectStore");
			store.put(ObjectKey.of("k"), new byte[] { 1 }, "text/plain", Preconditions.NONE);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("hikaricp.connections.max").tag("pool", "storage").gauge().value()).isEqualTo(3);
			assertThat(registry.get("hikaricp.connections.active").tag("pool", "storage").gauge()).isNotNull();
			assertThat(registry.get("hikaricp.connections.pending").tag("pool", "storage").gauge()).isNotNull();
			assertThat(registry.get("hikaricp.connections.acquire").tag("pool", "storage").timer().count())
				.isPositive();
			assertThat(registry.get("storage.operations").tag("operation", "put").timer().count()).isOne();
		});
	}

	@Test
	void aReactiveApplicationGetsTheR2dbcStoreWithPoolMetersAndTheStorageTimer() {
		this.reactive.withPropertyValues(postgres("wiring_r2dbc")).withPropertyValues(LATENCY).run((context) -> {
			assertThat(context).hasSingleBean(ConnectionPool.class).doesNotHaveBean(HikariDataSource.class);
			ReactiveObjectStore store = context.getBean(ReactiveObjectStore.class);
			assertThat(store.backend()).isEqualTo("postgres");
			assertThat(layers(store)).containsExactly("TimedReactiveObjectStore", "LatencyEmulatingReactiveObjectStore",
					"R2dbcObjectStore");
			store.put(ObjectKey.of("k"), new byte[] { 1 }, "text/plain", Preconditions.NONE)
				.block(Duration.ofSeconds(30));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("r2dbc.pool.max.allocated").tag("name", "storage").gauge().value()).isEqualTo(3);
			assertThat(registry.get("r2dbc.pool.allocated").tag("name", "storage").gauge().value()).isEqualTo(3);
			assertThat(registry.get("r2dbc.pool.idle").tag("name", "storage").gauge()).isNotNull();
			assertThat(registry.get("r2dbc.pool.pending").tag("name", "storage").gauge()).isNotNull();
			assertThat(registry.get("r2dbc.pool.acquire").tags("name", "storage", "outcome", "success").timer().count())
				.isPositive();
			assertThat(registry.get("storage.operations").tag("operation", "put").timer().count()).isOne();
		});
	}

	private static String[] postgres(String purpose) {
		String database = TestDatabases.createDatabase(purpose);
		return new String[] { "storage.backend=postgres",
				"storage.postgres.url=" + TestDatabases.server().url(database), "storage.postgres.username=postgres",
				"storage.postgres.pool-size=3" };
	}

	/**
	 * The simple class names of a port's layers, outermost first, down to its engine.
	 */
	private static List<String> layers(Object store) {
		List<String> layers = new ArrayList<>();
		Object layer = store;
		while (layer != null) {
			layers.add(layer.getClass().getSimpleName());
			layer = (layer instanceof ForwardingObjectStore forwarding) ? forwarding.delegate()
					: (layer instanceof ForwardingReactiveObjectStore forwarding) ? forwarding.delegate() : null;
		}
		return layers;
	}

}
