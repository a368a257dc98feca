package dev.iomodels.postgres;

import java.time.Clock;

import com.zaxxer.hikari.HikariDataSource;
import dev.iomodels.storage.StorageLimits;

/**
 * The SQL engine through the blocking port, over JDBC and HikariCP.
 */
class JdbcObjectStoreTests extends PostgresObjectStoreTests {

	@Override
	protected Opened open(PostgresStorageProperties properties, StorageLimits limits, Clock clock) {
		HikariDataSource dataSource = JdbcObjectStore.dataSource(properties, null, "jdbc-engine-test");
		return new Opened(JdbcObjectStore.create(dataSource, limits, clock), dataSource);
	}

}
