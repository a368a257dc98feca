package dev.iomodels.comparison.run;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import dev.iomodels.harness.EmbeddedDatabase;
import dev.iomodels.harness.Service;
import dev.iomodels.harness.StorageNodeProcess;

/**
 * What a comparison's services store their objects in, besides their own memory. On the
 * postgres backend, a database: an embedded PostgreSQL that the comparison starts itself
 * (so that it needs nothing but a JDK, and no Docker), or the one {@code --database-url}
 * names. On the remote backend, a storage node that the comparison starts for each
 * service. Before each service starts, its store is emptied (or a new node started), so
 * that every service begins with the same empty store and the same settings.
 */
abstract sealed class ComparisonStorage implements AutoCloseable {

	/** The database an embedded server gives the services. */
	static final String EMBEDDED_DATABASE = "compare";

	/**
	 * Open what the options ask for.
	 * @param options the comparison's settings
	 * @param directory the results directory, where an embedded server keeps its data and
	 * a storage node its log
	 * @param node how to start a storage node, for the remote backend
	 * @return the storage, or one that adds nothing for the memory backend
	 * @throws IOException if an embedded server cannot be started
	 */
	static ComparisonStorage open(CompareOptions options, Path directory, Optional<NodeLaunch> node)
			throws IOException {
		if (options.backend().equals("remote")) {
			return new Node(
					node.orElseThrow(() -> new IllegalStateException("the remote backend needs a storage node")),
					directory.resolve("logs"));
		}
		if (!options.backend().equals("postgres")) {
			return new None();
		}
		if (options.databaseUrl().isPresent()) {
			return new External(options.databaseUrl().get(), options.databaseUser());
		}
		return new Embedded(EmbeddedDatabase.start(directory.resolve("postgres-data")));
	}

	/**
	 * Empty the store and return the settings that point a service at it.
	 * @param service the service about to start
	 * @param latency the storage latency of the scenario it runs
	 * @return {@code storage.postgres.*} or {@code storage.remote.*} properties, or none
	 * for the memory backend
	 * @throws Exception if the store cannot be emptied or started
	 */
	abstract Map<String, String> prepareFor(Service service, Duration latency) throws Exception;

	/**
	 * Return the process that serves the store apart from the service, whose CPU time a
	 * step reports beside the service's.
	 * @return the storage node's pid, while one runs
	 */
	OptionalLong storageProcess() {
		return OptionalLong.empty();
	}

	/**
	 * Let go of what {@link #prepareFor} started for a service, once its steps are done.
	 * @throws InterruptedException if interrupted while stopping it
	 */
	void release() throws InterruptedException {
	}

	@Override
	public void close() throws IOException {
	}

	/**
	 * How to start a storage node.
	 *
	 * @param jar its executable jar
	 * @param cpus the processors it runs on: the load generator's, since like the load
	 * generator it is not what is measured; empty for any
	 */
	record NodeLaunch(Path jar, Optional<String> cpus) {

	}

	/** The memory backend: nothing to prepare. */
	static final class None extends ComparisonStorage {

		@Override
		Map<String, String> prepareFor(Service service, Duration latency) {
			return Map.of();
		}

	}

	/**
	 * The remote backend: a storage node of its own for each service, started empty, with
	 * the scenario's latency in the node instead of in the service. A socket, not a
	 * timer, is then what every storage operation waits on.
	 */
	static final class Node extends ComparisonStorage {

		private final NodeLaunch launch;

		private final Path logs;

		private StorageNodeProcess running;

		Node(NodeLaunch launch, Path logs) {
			this.launch = launch;
			this.logs = logs;
		}

		@Override
		Map<String, String> prepareFor(Service service, Duration latency) throws Exception {
			release();
			this.running = StorageNodeProcess.start(this.launch.jar(), latency, this.logs, this.launch.cpus());
			Map<String, String> properties = new LinkedHashMap<>();
			properties.put("storage.backend", "remote");
			properties.put("storage.remote.url", this.running.url().toString());
			// The node waits; the service must not wait a second time.
			properties.put("storage.emulated-latency", "0ms");
			return properties;
		}

		@Override
		OptionalLong storageProcess() {
			return (this.running != null) ? OptionalLong.of(this.running.pid()) : OptionalLong.empty();
		}

		@Override
		void release() throws InterruptedException {
			if (this.running != null) {
				this.running.close();
				this.running = null;
			}
		}

		@Override
		public void close() throws IOException {
			try {
				release();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/** An embedded server: the database is dropped and created anew for each service. */
	static final class Embedded extends ComparisonStorage {

		private final EmbeddedDatabase server;

		Embedded(EmbeddedDatabase server) {
			this.server = server;
		}

		@Override
		Map<String, String> prepareFor(Service service, Duration latency) throws SQLException {
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
	static final class External extends ComparisonStorage {

		private final String url;

		private final String user;

		External(String url, String user) {
			this.url = url;
			this.user = user;
		}

		@Override
		Map<String, String> prepareFor(Service service, Duration latency) throws SQLException {
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
