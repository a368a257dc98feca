package dev.iomodels.postgres;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code storage.postgres.*} settings of the postgres backend, identical in meaning
 * and default for the JDBC services and the R2DBC one, so that the pools compared are the
 * same size and give up after the same time.
 *
 * @param url where the database is, as {@code postgresql://host:port/database} (a
 * {@code jdbc:} or {@code r2dbc:} in front is accepted too)
 * @param username the database user
 * @param password the user's password, or {@code null} for none; there is no default,
 * give it as {@code STORAGE_POSTGRES_PASSWORD} in the environment
 * @param poolSize the connections each service keeps open: the pool's minimum and maximum
 * @param connectTimeout the longest wait for the TCP connection to the server when the
 * pool opens a connection (both drivers' {@code connectTimeout})
 * @param acquireTimeout the longest wait for a connection from the pool; a request that
 * waits longer is answered 503 {@code storage-unavailable}
 * @param statementTimeout the server-side limit of one statement
 * ({@code statement_timeout})
 * @param socketTimeout the longest the service waits for the database to answer on an
 * open connection, for a database that accepts connections but hangs (stopped, or a
 * network that drops everything), which its own {@code statement_timeout} cannot bound:
 * pgjdbc's {@code socketTimeout} (whole seconds, rounded up) on JDBC, and on R2DBC, whose
 * driver has no such option, a timeout on each storage operation; then 503
 * {@code storage-unavailable}. Longer than the statement timeout, so that a database that
 * is only slow is cut off by the server first
 */
@ConfigurationProperties("storage.postgres")
public record PostgresStorageProperties(@DefaultValue("postgresql://localhost:5432/iomodels") String url,
		@DefaultValue("iomodels") String username, String password, @DefaultValue("10") int poolSize,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("2s") Duration acquireTimeout,
		@DefaultValue("5s") Duration statementTimeout, @DefaultValue("10s") Duration socketTimeout) {

	public PostgresStorageProperties {
		if (poolSize < 1) {
			throw new IllegalArgumentException("storage.postgres.pool-size must be at least 1, not " + poolSize);
		}
		if (!socketTimeout.isPositive()) {
			throw new IllegalArgumentException(
					"storage.postgres.socket-timeout must be positive, not " + socketTimeout);
		}
		endpoint(url);
	}

	/**
	 * Return the server and database of {@link #url()}.
	 * @return the endpoint
	 */
	public Endpoint endpoint() {
		return endpoint(this.url);
	}

	/**
	 * Return the JDBC URL of the database.
	 * @return e.g. {@code jdbc:postgresql://localhost:5432/iomodels}
	 */
	public String jdbcUrl() {
		Endpoint endpoint = endpoint();
		return "jdbc:postgresql://" + endpoint.host() + ":" + endpoint.port() + "/" + endpoint.database();
	}

	/**
	 * Return the statement timeout as the server takes it in a startup option.
	 * @return milliseconds, as text
	 */
	String statementTimeoutOption() {
		return Long.toString(this.statementTimeout.toMillis());
	}

	/**
	 * Return the socket timeout as pgjdbc takes it.
	 * @return whole seconds, at least one
	 */
	int socketTimeoutSeconds() {
		return (int) Math.max(1, (this.socketTimeout.toMillis() + 999) / 1000);
	}

	private static Endpoint endpoint(String url) {
		String plain = url;
		for (String scheme : new String[] { "jdbc:", "r2dbc:" }) {
			if (plain.startsWith(scheme)) {
				plain = plain.substring(scheme.length());
			}
		}
		URI uri;
		try {
			uri = URI.create(plain);
		}
		catch (IllegalArgumentException ex) {
			throw invalidUrl(url);
		}
		if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null || uri.getPath() == null
				|| uri.getPath().length() < 2 || uri.getQuery() != null || uri.getUserInfo() != null) {
			throw invalidUrl(url);
		}
		return new Endpoint(uri.getHost(), (uri.getPort() != -1) ? uri.getPort() : 5432, uri.getPath().substring(1));
	}

	private static IllegalArgumentException invalidUrl(String url) {
		return new IllegalArgumentException("storage.postgres.url must look like postgresql://host:port/database "
				+ "(no user, password or parameters; those have settings of their own), not " + url);
	}

	/**
	 * Where the database is.
	 *
	 * @param host the server's host
	 * @param port the server's port
	 * @param database the database's name
	 */
	public record Endpoint(String host, int port, String database) {
	}

}
