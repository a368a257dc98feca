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
 */
@ConfigurationProperties("storage.postgres")
public record PostgresStorageProperties(@DefaultValue("postgresql://localhost:5432/iomodels") String url,
		@DefaultValue("iomodels") String username, String password, @DefaultValue("10") int poolSize,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("2s") Duration acquireTimeout,
		@DefaultValue("5s") Duration statementTimeout) {

	public PostgresStorageProperties {
		if (poolSize < 1) {
			throw new IllegalArgumentException("storage.postgres.pool-size must be at least 1, not " + poolSize);
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
