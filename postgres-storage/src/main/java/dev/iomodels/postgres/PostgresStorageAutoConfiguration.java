package dev.iomodels.postgres;

import java.time.Clock;

import com.zaxxer.hikari.HikariDataSource;
import dev.iomodels.service.ObjectStoreEngine;
import dev.iomodels.service.ReactiveObjectStoreEngine;
import dev.iomodels.service.StorageAutoConfiguration;
import dev.iomodels.service.StorageProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The postgres backend ({@code storage.backend=postgres}): the blocking port over JDBC
 * for a servlet service, the reactive port over R2DBC for a reactive one, each on a pool
 * of {@code storage.postgres.pool-size} connections with the same timeouts, the schema
 * migrated first. It provides the bare engine only; {@link StorageAutoConfiguration}
 * wraps it in the same emulated latency and timing as the in-memory one.
 */
@AutoConfiguration(before = StorageAutoConfiguration.class)
@ConditionalOnProperty(name = "storage.backend", havingValue = "postgres")
@EnableConfigurationProperties({ PostgresStorageProperties.class, StorageProperties.class })
public class PostgresStorageAutoConfiguration {

	/** The pools' name, the {@code pool} and {@code name} tags of their meters. */
	static final String POOL_NAME = "storage";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ HikariDataSource.class, JdbcClient.class })
	static class JdbcStorageConfiguration {

		@Bean(destroyMethod = "close")
		HikariDataSource storageDataSource(PostgresStorageProperties properties,
				ObjectProvider<MeterRegistry> meterRegistry, @Value("${spring.application.name}") String service) {
			return JdbcObjectStore.dataSource(properties, meterRegistry.getIfAvailable(), service);
		}

		@Bean
		ObjectStoreEngine jdbcObjectStoreEngine(HikariDataSource storageDataSource, StorageProperties storage) {
			return new ObjectStoreEngine(
					JdbcObjectStore.create(storageDataSource, storage.limits(), Clock.systemUTC()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass({ ConnectionPool.class, PostgresqlConnectionFactory.class, DatabaseClient.class })
	static class R2dbcStorageConfiguration {

		@Bean(destroyMethod = "dispose")
		ConnectionPool storageConnectionPool(PostgresStorageProperties properties,
				ObjectProvider<MeterRegistry> meterRegistry, @Value("${spring.application.name}") String service) {
			return R2dbcObjectStore.connectionPool(properties, meterRegistry.getIfAvailable(), service);
		}

		@Bean
		ReactiveObjectStoreEngine r2dbcObjectStoreEngine(ConnectionPool storageConnectionPool,
				PostgresStorageProperties properties, StorageProperties storage,
				ObjectProvider<MeterRegistry> meterRegistry) {
			// Startup runs on the main thread, not on an event loop: the migration (over
			// JDBC, the only way Flyway works), the pool's warm-up and the first read of
			// the usage row wait in create().
			return new ReactiveObjectStoreEngine(R2dbcObjectStore.create(properties, storageConnectionPool,
					meterRegistry.getIfAvailable(), storage.limits(), Clock.systemUTC()));
		}

	}

}
