package dev.iomodels.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server on loopback, run from the binaries that Maven Central ships as
 * a jar ({@code io.zonky.test.postgres}), so that the postgres-backend tests and the
 * comparison need nothing but a JDK: no Docker, no installed server. It can be stopped
 * and started again on the same port and data directory, which is how the fault tests
 * take the database away from a running service and give it back.
 * <p>
 * PostgreSQL refuses to run as root, so {@link #start(Path)} refuses too, with a message
 * that says what to run instead ({@code scripts/as-build-user.sh}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

	/**
	 * The superuser of the embedded server; it trusts loopback, so it has no password.
	 */
	public static final String USER = "postgres";

	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	private final Path dataDirectory;

	private final int port;

	private EmbeddedPostgres server;

	private EmbeddedDatabase(Path dataDirectory, int port, EmbeddedPostgres server) {
		this.dataDirectory = dataDirectory;
		this.port = port;
		this.server = server;
	}

	/**
	 * Start a new server on a free loopback port.
	 * @param dataDirectory an empty or absent directory for the cluster's files
	 * @return the running server
	 * @throws IOException if it cannot be started
	 * @throws IllegalStateException if this JVM runs as root
	 */
	public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
		refuseRoot();
		deleteRecursively(dataDirectory);
		Files.createDirectories(dataDirectory);
		// Never "clean" in the library's sense: that deletes the data directory on every
		// stop, and a restarted server would come back empty.
		EmbeddedPostgres server = builder(dataDirectory, 0).setCleanDataDirectory(false).start();
		return new EmbeddedDatabase(dataDirectory, server.getPort(), server);
	}

	/**
	 * Fail with an explanation when this JVM runs as root, instead of letting initdb fail
	 * with a message that does not say what to do.
	 * @throws IllegalStateException if the user is root
	 */
	public static void refuseRoot() {
		if (isRoot()) {
			throw new IllegalStateException("PostgreSQL refuses to run as root, and the postgres-backend tests and "
					+ "comparisons start a real PostgreSQL. Run the build as an unprivileged user; from a root shell, "
					+ "scripts/as-build-user.sh does that (it creates the user iomodels-build and runs "
					+ "./mvnw -B -ntp verify, or the command given to it, as that user).");
		}
	}

	/**
	 * Tell whether this JVM runs as root.
	 * @return {@code true} for user id 0
	 */
	public static boolean isRoot() {
		try {
			Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
			return Integer.valueOf(0).equals(uid);
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	/**
	 * Create an empty database, owned by {@link #USER}.
	 * @param name lowercase letters, digits and underscores, starting with a letter
	 * @throws SQLException if the server refuses
	 */
	public void createDatabase(String name) throws SQLException {
		if (!DATABASE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		try (Connection connection = running().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
	}

	/**
	 * Drop a database and everything in it, closing its connections first.
	 * @param name the database
	 * @throws SQLException if the server refuses
	 */
	public void dropDatabase(String name) throws SQLException {
		if (!DATABASE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		try (Connection connection = running().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
	}

	/**
	 * Return the settings that point a service at one database of this server, as
	 * {@code storage.*} properties.
	 * @param database the database
	 * @return the properties, backend included
	 */
	public Map<String, String> serviceProperties(String database) {
		Map<String, String> properties = new HashMap<>();
		properties.put("storage.backend", "postgres");
		properties.put("storage.postgres.url", url(database));
		properties.put("storage.postgres.username", USER);
		return properties;
	}

	/**
	 * Return the URL of a database in the form {@code storage.postgres.url} takes.
	 * @param database the database
	 * @return e.g. {@code postgresql://localhost:54321/contract}
	 */
	public String url(String database) {
		return "postgresql://localhost:" + this.port + "/" + database;
	}

	/**
	 * Return the JDBC URL of a database, for tests that look into it directly.
	 * @param database the database
	 * @return the URL
	 */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + this.port + "/" + database + "?user=" + USER;
	}

	/**
	 * Return the server's port on loopback.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Tell whether the server is running.
	 * @return {@code false} between {@link #stop()} and {@link #restart()}
	 */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * Stop the server (a fast shutdown: open connections are closed). Its data stays.
	 * @throws IOException if it cannot be stopped
	 */
	public synchronized void stop() throws IOException {
		if (this.server != null) {
			EmbeddedPostgres running = this.server;
			this.server = null;
			running.close();
		}
	}

	/**
	 * Start the server again on the same port and data directory, with its data.
	 * @throws IOException if it cannot be started
	 */
	public synchronized void restart() throws IOException {
		if (this.server == null) {
			this.server = builder(this.dataDirectory, this.port).setCleanDataDirectory(false).start();
		}
	}

	/**
	 * Stop every process of the server with {@code SIGSTOP}: the postmaster and each
	 * backend. Connections stay open and new ones are accepted by the kernel, but nothing
	 * answers: a database that hangs rather than one that is down.
	 * @throws IOException if a process cannot be signalled
	 */
	public synchronized void freeze() throws IOException {
		signal("STOP");
	}

	/**
	 * Let the processes stopped by {@link #freeze()} run again ({@code SIGCONT}).
	 * @throws IOException if a process cannot be signalled
	 */
	public synchronized void thaw() throws IOException {
		signal("CONT");
	}

	private void signal(String name) throws IOException {
		long postmaster = Long
			.parseLong(Files.readAllLines(this.dataDirectory.resolve("postmaster.pid"), StandardCharsets.US_ASCII)
				.get(0)
				.strip());
		List<String> command = new ArrayList<>(List.of("kill", "-" + name, Long.toString(postmaster)));
		ProcessHandle.of(postmaster)
			.orElseThrow(() -> new IOException("No postmaster with pid " + postmaster))
			.descendants()
			.forEach((process) -> command.add(Long.toString(process.pid())));
		try {
			Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (kill.waitFor() != 0) {
				throw new IOException(String.join(" ", command) + " failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	/**
	 * Stop the server and delete its data directory.
	 * @throws IOException if it cannot be stopped
	 */
	@Override
	public synchronized void close() throws IOException {
		stop();
		deleteRecursively(this.dataDirectory);
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	private synchronized EmbeddedPostgres running() {
		if (this.server == null) {
			throw new IllegalStateException("The embedded database is stopped");
		}
		return this.server;
	}

	private static EmbeddedPostgres.Builder builder(Path dataDirectory, int port) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setPGStartupWait(Duration.ofSeconds(60))
			// Loopback only; enough connections for three pools and the tests' own.
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("max_connections", "200")
			// Test data: durability against a killed service is what the tests check, and
			// the server process itself stays up through it.
			.setServerConfig("fsync", "off")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "off");
		if (port != 0) {
			builder.setPort(port);
		}
		return builder;
	}

}
