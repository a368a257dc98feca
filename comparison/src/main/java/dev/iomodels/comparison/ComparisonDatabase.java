package dev.iomodels.comparison;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.iomodels.harness.EmbeddedDatabase;
import dev.iomodels.harness.Service;

/**
 * The database of a comparison on the postgres backend: an embedded PostgreSQL that the
 * comparison starts itself (so that it needs nothing but a JDK, and no Docker), or the
 * one {@code --database-url} names. Before each service starts, its database is emptied,
 * so that every service begins with the same (empty) store and the same settings.
 */
abstract sealed class ComparisonDatabase implements AutoCloseable {

	/** The database an embedded server gives the services. */
	static final String EMBEDDED_DATABASE = "compare";

	/**
	 * Open what the options ask for.
	 * @param options the comparison's settings
	 * @param directory the results directory, where an embedded server keeps its data
	 * @return the database, or one that adds nothing for the memory backend
	 * @throws IOException if an embedded server cannot be started
	 */
	static ComparisonDatabase open(CompareOptions options, Path directory) throws IOException {
		if (!options.backend().equals("postgres")) {
			return new None();
		}
		if (options.databaseUrl().isPresent()) {
			return new External(options.databaseUrl().get(), options.databaseUser());
		}
		return new Embedded(EmbeddedDatabase.start(directory.resolve("postgres-data")));
	}

	/**
	 * Empty the database and return the settings that point a service at it.
	 * @param service the service about to start
	 * @return {@code storage.postgres.*} properties, or none for the memory backend
	 * @throws Exception if the database cannot be emptied
	 */
	abstract Map<String, String> prepareFor(Service service) throws Exception;

	@Override
	public void close() throws IOException {
	}

	/** The memory backend: nothing to prepare. */
	static final class None extends ComparisonDatabase {

		@Override
		Map<String, String> prepareFor(Service service) {
			return Map.of();
		}

	}

	/** An embedded server: the database is dropped and created anew for each service. */
	static final class Embedded extends ComparisonDatabase {

		private final EmbeddedDatabase server;

		Embedded(EmbeddedDatabase server) {
			this.server = server;
		}

		@Override
		Map<String, String> prepareFor(Service service) throws SQLException {
			this.server.dropDatabase(EMBEDDED_DATABASE);
			this.server.createDatabase(EMBEDDED_DATABASE);
			return this.server.serviceProperties(EMBEDDED_DATABASE);
		}

		@Override
		public void close() throws IOException {
			this.server.close();
		}

	}

	/**
	 * A database the user runs: its tables are emptied for each service (the schema
	 * stays; the services' Flyway migration creates it on first start). The password is
	 * not a flag: the services read it from {@code STORAGE_POSTGRES_PASSWORD}, which they
	 * inherit.
	 */
	static final class External extends ComparisonDatabase {

		private final String url;

		private final String user;

		External(String url, String user) {
			this.url = url;
			this.user = user;
		}

		@Override
		Map<String, String> prepareFor(Service service) throws SQLException {
			String jdbcUrl = "jdbc:" + this.url.replaceFirst("^(jdbc:|r2dbc:)", "");
			try (Connection connection = DriverManager.getConnection(jdbcUrl, this.user,
					System.getenv("STORAGE_POSTGRES_PASSWORD")); Statement statement = connection.createStatement()) {
				statement.execute("DO $$ BEGIN IF to_regclass('storage_object') IS NOT NULL THEN "
						+ "TRUNCATE storage_object; "
						+ "UPDATE storage_usage SET objects = 0, bytes = 0, version = version + 1; END IF; END $$");
			}
			Map<String, String> properties = new LinkedHashMap<>();
			properties.put("storage.backend", "postgres");
			properties.put("storage.postgres.url", this.url);
			properties.put("storage.postgres.username", this.user);
			return properties;
		}

	}

}
