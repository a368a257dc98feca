package dev.iomodels.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.iomodels.storage.ETags;
import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ListingItem;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectMetadata;
import dev.iomodels.storage.ObjectPage;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.StorageStats;
import dev.iomodels.storage.StoredObject;
import dev.iomodels.storage.WriteResult;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The postgres backend's blocking port, over JDBC: each operation holds the calling
 * thread (a platform thread of Tomcat's pool, or a virtual thread) while it waits for a
 * pooled connection and for the database. The statements and their compare-and-set
 * protocol are {@link StorageSql}'s; a database that cannot serve is reported as 503
 * {@code storage-unavailable} ({@link DatabaseFaults}).
 */
final class JdbcObjectStore implements ObjectStore {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final StorageLimits limits;

	private final Clock clock;

	private final UsageSnapshot usage = new UsageSnapshot();

	private final DatabaseFaults faults = new DatabaseFaults();

	/**
	 * Create the store over a migrated database.
	 * @param jdbc the client, on the pooled data source
	 * @param transactions transactions on the same data source
	 * @param limits the bounds to enforce
	 * @param clock the source of the created and modified times
	 */
	JdbcObjectStore(JdbcClient jdbc, TransactionTemplate transactions, StorageLimits limits, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.limits = limits;
		this.clock = clock;
		guard(() -> this.jdbc.sql(StorageSql.SELECT_USAGE).query(this::acceptUsage).single());
	}

	/**
	 * Create the pool of a service: {@code pool-size} connections, kept open, with the
	 * configured timeouts, its meters ({@code hikaricp.connections.*}, pool
	 * {@value PostgresStorageAutoConfiguration#POOL_NAME}) in the registry.
	 * @param properties the database settings
	 * @param registry the meter registry, or {@code null}
	 * @param applicationName the name the server shows for the connections
	 * @return the pool
	 */
	static HikariDataSource dataSource(PostgresStorageProperties properties, MeterRegistry registry,
			String applicationName) {
		HikariConfig config = new HikariConfig();
		config.setPoolName(PostgresStorageAutoConfiguration.POOL_NAME);
		config.setJdbcUrl(properties.jdbcUrl());
		config.setUsername(properties.username());
		config.setPassword(properties.password());
		config.setMaximumPoolSize(properties.poolSize());
		config.setMinimumIdle(properties.poolSize());
		config.setConnectionTimeout(properties.acquireTimeout().toMillis());
		config.setValidationTimeout(Math.max(250, properties.connectTimeout().toMillis()));
		// As text: HikariCP hands these to the driver as they are, and pgjdbc reads only
		// String values (an Integer is ignored, and the timeout silently stays off).
		config.addDataSourceProperty("connectTimeout",
				Long.toString(Math.max(1, properties.connectTimeout().toSeconds())));
		config.addDataSourceProperty("options", "-c statement_timeout=" + properties.statementTimeoutOption());
		// A database that accepts connections but never answers: no read waits longer.
		config.addDataSourceProperty("socketTimeout", Integer.toString(properties.socketTimeoutSeconds()));
		config.addDataSourceProperty("ApplicationName", applicationName);
		if (registry != null) {
			config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
		}
		return new HikariDataSource(config);
	}

	/**
	 * Migrate the schema and create the store on a pool.
	 * @param dataSource the pool
	 * @param limits the bounds to enforce
	 * @param clock the source of the created and modified times
	 * @return the store
	 */
	static JdbcObjectStore create(DataSource dataSource, StorageLimits limits, Clock clock) {
		PostgresSchema.migrate(dataSource);
		return new JdbcObjectStore(JdbcClient.create(dataSource),
				new TransactionTemplate(new JdbcTransactionManager(dataSource)), limits, clock);
	}

	@Override
	public StoredObject get(ObjectKey key) {
		return guard(() -> this.jdbc.sql(StorageSql.SELECT_OBJECT)
			.param("key", key.value())
			.query(JdbcObjectStore::storedObject)
			.optional()
			.orElseThrow(() -> StorageSql.notFound(key)));
	}

	@Override
	public WriteResult put(ObjectKey key, byte[] content, String contentType, Preconditions preconditions) {
		this.limits.checkObjectSize(content.length);
		String etag = ETags.of(content);
		OffsetDateTime now = StorageSql.timestamp(this.clock.instant());
		while (true) {
			Optional<Version> current = currentVersion(key);
			preconditions.checkWrite(current.map(Version::etag).orElse(null));
			WriteResult result = guard(() -> this.transactions
				.execute((status) -> current.isEmpty() ? insert(key, content, contentType, etag, now)
						: replace(key, content, contentType, etag, now, current.get())));
			if (result != null) {
				return result;
			}
			// Another write changed the row between the read and the write: check the
			// preconditions again against what it left.
		}
	}

	@Override
	public void delete(ObjectKey key, Preconditions preconditions) {
		while (true) {
			Version current = currentVersion(key).orElseThrow(() -> StorageSql.notFound(key));
			preconditions.checkWrite(current.etag());
			Boolean deleted = guard(() -> this.transactions.execute((status) -> {
				int rows = this.jdbc.sql(StorageSql.DELETE_OBJECT)
					.param("key", key.value())
					.param("expected", current.etag())
					.update();
				if (rows == 0) {
					return false;
				}
				release(1, current.size());
				return true;
			}));
			if (Boolean.TRUE.equals(deleted)) {
				return;
			}
		}
	}

	@Override
	public ObjectPage list(ListQuery query) {
		List<ListingItem> rows = guard(() -> this.jdbc.sql(StorageSql.LIST)
			.param("after", StorageSql.after(query))
			.param("prefix", query.prefix())
			.param("limit", query.limit() + 1)
			.query(JdbcObjectStore::listingItem)
			.list());
		if (rows.size() > query.limit()) {
			List<ListingItem> page = rows.subList(0, query.limit());
			return new ObjectPage(page, ListQuery.cursorAfter(page.get(page.size() - 1).key()));
		}
		return new ObjectPage(rows, null);
	}

	@Override
	public StorageStats stats() {
		return this.usage.stats();
	}

	@Override
	public StorageLimits limits() {
		return this.limits;
	}

	@Override
	public String backend() {
		return "postgres";
	}

	private Optional<Version> currentVersion(ObjectKey key) {
		return guard(() -> this.jdbc.sql(StorageSql.SELECT_ETAG)
			.param("key", key.value())
			.query((rs, row) -> new Version(rs.getString("etag"), rs.getLong("size")))
			.optional());
	}

	private WriteResult insert(ObjectKey key, byte[] content, String contentType, String etag, OffsetDateTime now) {
		int rows = this.jdbc.sql(StorageSql.INSERT_OBJECT)
			.params(StorageSql.insertParameters(key, content, contentType, etag, now))
			.update();
		if (rows == 0) {
			return null;
		}
		reserve(1, content.length);
		return new WriteResult(
				new ObjectMetadata(key.value(), content.length, contentType, etag, now.toInstant(), now.toInstant()),
				true);
	}

	private WriteResult replace(ObjectKey key, byte[] content, String contentType, String etag, OffsetDateTime now,
			Version current) {
		Optional<OffsetDateTime> created = this.jdbc.sql(StorageSql.REPLACE_OBJECT)
			.params(StorageSql.replaceParameters(key, content, contentType, etag, now, current.etag()))
			.query((rs, row) -> rs.getObject("created", OffsetDateTime.class))
			.optional();
		if (created.isEmpty()) {
			return null;
		}
		long growth = content.length - current.size();
		if (growth > 0) {
			reserve(0, growth);
		}
		else if (growth < 0) {
			release(0, -growth);
		}
		return new WriteResult(new ObjectMetadata(key.value(), content.length, contentType, etag,
				created.get().toInstant(), now.toInstant()), false);
	}

	private void reserve(long objects, long bytes) {
		Optional<Boolean> reserved = this.jdbc.sql(StorageSql.RESERVE)
			.params(StorageSql.reserveParameters(objects, bytes, this.limits))
			.query(this::acceptUsage)
			.optional();
		if (reserved.isEmpty()) {
			long stored = this.jdbc.sql(StorageSql.SELECT_USAGE).query((rs, row) -> rs.getLong("objects")).single();
			throw StorageSql.storageFull(this.limits, stored, objects);
		}
	}

	private void release(long objects, long bytes) {
		this.jdbc.sql(StorageSql.RELEASE)
			.param("objects", objects)
			.param("bytes", bytes)
			.query(this::acceptUsage)
			.single();
	}

	private Boolean acceptUsage(ResultSet rs, int row) throws SQLException {
		this.usage.accept(rs.getLong("objects"), rs.getLong("bytes"), rs.getLong("version"));
		return true;
	}

	private <T> T guard(Supplier<T> operation) {
		try {
			return operation.get();
		}
		catch (ProblemException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			if (this.faults.isUnavailable(ex)) {
				throw this.faults.unavailable(ex);
			}
			throw ex;
		}
	}

	private static StoredObject storedObject(ResultSet rs, int row) throws SQLException {
		ObjectMetadata metadata = new ObjectMetadata(rs.getString("key"), rs.getLong("size"),
				rs.getString("content_type"), rs.getString("etag"),
				rs.getObject("created", OffsetDateTime.class).toInstant(),
				rs.getObject("modified", OffsetDateTime.class).toInstant());
		return new StoredObject(metadata, rs.getBytes("content"));
	}

	private static ListingItem listingItem(ResultSet rs, int row) throws SQLException {
		return new ListingItem(rs.getString("key"), rs.getLong("size"), rs.getString("content_type"),
				rs.getString("etag"), rs.getObject("modified", OffsetDateTime.class).toInstant());
	}

	/**
	 * What a conditional write compares against: the current ETag, and the size that
	 * comes with it.
	 */
	private record Version(String etag, long size) {
	}

}
