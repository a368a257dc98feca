package dev.iomodels.postgres;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Brings the database to the schema of this version of the services, with the one Flyway
 * migration set all three share ({@value #LOCATION}). Runs at startup, before the store
 * is created, over JDBC in every service: for the R2DBC service too, because startup runs
 * on the main thread, not on an event loop, and Flyway speaks only JDBC.
 */
final class PostgresSchema {

	/** Where the migrations are on the class path. */
	static final String LOCATION = "classpath:db/migration/storage";

	private PostgresSchema() {
	}

	/**
	 * Apply the pending migrations through a data source.
	 * @param dataSource the data source
	 */
	static void migrate(DataSource dataSource) {
		Flyway.configure().dataSource(dataSource).locations(LOCATION).load().migrate();
	}

	/**
	 * Apply the pending migrations over a connection of its own, for a service without a
	 * JDBC pool.
	 * @param properties where the database is
	 */
	static void migrate(PostgresStorageProperties properties) {
		long connectSeconds = Math.max(1, properties.connectTimeout().toSeconds());
		String url = properties.jdbcUrl() + "?connectTimeout=" + connectSeconds;
		Flyway.configure()
			.dataSource(url, properties.username(), properties.password())
			.locations(LOCATION)
			.load()
			.migrate();
	}

}
