package dev.iomodels.postgres;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.iomodels.storage.ETags;
import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ListingItem;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectMetadata;
import dev.iomodels.storage.ObjectPage;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ReactiveObjectStore;
import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.StorageStats;
import dev.iomodels.storage.StoredObject;
import dev.iomodels.storage.WriteResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The postgres backend's reactive port, over R2DBC: no thread waits for the database; the
 * driver's event loop delivers each result, and connections are multiplexed by a
 * non-blocking pool. The statements and their compare-and-set protocol are the JDBC
 * store's ({@link StorageSql}); a database that cannot serve is signalled as 503
 * {@code storage-unavailable} ({@link DatabaseFaults}).
 */
final class R2dbcObjectStore implements ReactiveObjectStore {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	private final StorageLimits limits;

	private final Clock clock;

	private final Duration answerTimeout;

	private final UsageSnapshot usage = new UsageSnapshot();

	// Failures arrive on the driver's event loop: the rate-limited log line is written
	// on a bounded scheduler, never there.
	private final DatabaseFaults faults = new DatabaseFaults((task) -> Schedulers.boundedElastic().schedule(task));

	/**
	 * Create the store over a migrated database.
	 * @param database the client, on the pooled connection factory
	 * @param transactions transactions on the same connection factory
	 * @param limits the bounds to enforce
	 * @param clock the source of the created and modified times
	 * @param answerTimeout the longest a storage operation may wait for the database
	 * ({@code storage.postgres.socket-timeout}): r2dbc-postgresql has no socket timeout
	 */
	R2dbcObjectStore(DatabaseClient database, TransactionalOperator transactions, StorageLimits limits, Clock clock,
			Duration answerTimeout) {
		this.database = database;
		this.transactions = transactions;
		this.limits = limits;
		this.clock = clock;
		this.answerTimeout = answerTimeout;
	}

	/**
	 * Create the pool of a service: {@code pool-size} connections with the configured
	 * timeouts, its meters ({@code r2dbc.pool.*}, name
	 * {@value PostgresStorageAutoConfiguration#POOL_NAME}) in the registry.
	 * @param properties the database settings
	 * @param registry the meter registry, or {@code null}
	 * @param applicationName the name the server shows for the connections
	 * @return the pool, not yet warmed up
	 */
	static ConnectionPool connectionPool(PostgresStorageProperties properties, MeterRegistry registry,
			String applicationName) {
		PostgresStorageProperties.Endpoint endpoint = properties.endpoint();
		PostgresqlConnectionConfiguration.Builder connection = PostgresqlConnectionConfiguration.builder()
			.host(endpoint.host())
			.port(endpoint.port())
			.database(endpoint.database())
			.username(properties.username())
			.connectTimeout(properties.connectTimeout())
			.options(Map.of("statement_timeout", properties.statementTimeoutOption()))
			.applicationName(applicationName);
		if (properties.password() != null) {
			connection.password(properties.password());
		}
		ConnectionPool pool = new ConnectionPool(
				ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(connection.build()))
					.name(PostgresStorageAutoConfiguration.POOL_NAME)
					.initialSize(properties.poolSize())
					.maxSize(properties.poolSize())
					.maxAcquireTime(properties.acquireTimeout())
					// No limit on creating a connection beyond the driver's connect
					// timeout:
					// pgjdbc's connectTimeout bounds only the TCP connect too, and a
					// request's
					// wait is bounded by the acquire timeout in both stacks.
					.maxValidationTime(properties.connectTimeout())
					.build());
		if (registry != null) {
			R2dbcPoolMetrics.bind(pool, PostgresStorageAutoConfiguration.POOL_NAME, registry);
		}
		return pool;
	}

	/**
	 * Migrate the schema (over JDBC), open the pool's connections and create the store,
	 * waiting for all three: call this at startup, never on an event loop.
	 * @param properties the database settings, for the migration
	 * @param pool the pool
	 * @param registry the meter registry for the acquisition timer, or {@code null}
	 * @param limits the bounds to enforce
	 * @param clock the source of the created and modified times
	 * @return the store
	 */
	static R2dbcObjectStore create(PostgresStorageProperties properties, ConnectionPool pool, MeterRegistry registry,
			StorageLimits limits, Clock clock) {
		PostgresSchema.migrate(properties);
		pool.warmup().block(STARTUP_TIMEOUT);
		ConnectionFactory connections = (registry != null)
				? R2dbcPoolMetrics.timed(pool, PostgresStorageAutoConfiguration.POOL_NAME, registry) : pool;
		R2dbcObjectStore store = new R2dbcObjectStore(DatabaseClient.create(connections),
				TransactionalOperator.create(new R2dbcTransactionManager(connections)), limits, clock,
				properties.socketTimeout());
		store.loadUsage().block(STARTUP_TIMEOUT);
		return store;
	}

	private Mono<Void> loadUsage() {
		return this.database.sql(StorageSql.SELECT_USAGE).map(this::acceptUsage).one().then();
	}

	@Override
	public Mono<StoredObject> get(ObjectKey key) {
		return this.database.sql(StorageSql.SELECT_OBJECT)
			.bind("key", key.value())
			.map(R2dbcObjectStore::storedObject)
			.one()
			.switchIfEmpty(Mono.error(() -> StorageSql.notFound(key)))
			.timeout(this.answerTimeout)
			.onErrorMap(this.faults::isUnavailable, this.faults::unavailable);
	}

	@Override
	public Mono<WriteResult> put(ObjectKey key, byte[] content, String contentType, Preconditions preconditions) {
		return Mono.defer(() -> {
			this.limits.checkObjectSize(content.length);
			String etag = ETags.of(content);
			OffsetDateTime now = StorageSql.timestamp(this.clock.instant());
			return currentVersion(key).flatMap((current) -> {
				preconditions.checkWrite(current.map(Version::etag).orElse(null));
				Mono<WriteResult> write = current.isEmpty() ? insert(key, content, contentType, etag, now)
						: replace(key, content, contentType, etag, now, current.get());
				return this.transactions.transactional(write);
			})
				// Empty: another write changed the row between the read and the write;
				// check the preconditions again against what it left.
				.repeatWhenEmpty((attempts) -> attempts);
		}).timeout(this.answerTimeout).onErrorMap(this.faults::isUnavailable, this.faults::unavailable);
	}

	@Override
	public Mono<Void> delete(ObjectKey key, Preconditions preconditions) {
		return currentVersion(key).flatMap((current) -> {
			Version version = current.orElseThrow(() -> StorageSql.notFound(key));
			preconditions.checkWrite(version.etag());
			Mono<Boolean> delete = this.database.sql(StorageSql.DELETE_OBJECT)
				.bind("key", key.value())
				.bind("expected", version.etag())
				.fetch()
				.rowsUpdated()
				.flatMap((rows) -> (rows == 0) ? Mono.empty() : release(1, version.size()).thenReturn(true));
			return this.transactions.transactional(delete);
		})
			.repeatWhenEmpty((attempts) -> attempts)
			.then()
			.timeout(this.answerTimeout)
			.onErrorMap(this.faults::isUnavailable, this.faults::unavailable);
	}

	@Override
	public Mono<ObjectPage> list(ListQuery query) {
		return this.database.sql(StorageSql.LIST)
			.bind("after", StorageSql.after(query))
			.bind("prefix", query.prefix())
			.bind("limit", query.limit() + 1)
			.map(R2dbcObjectStore::listingItem)
			.all()
			.collectList()
			.map((rows) -> page(rows, query.limit()))
			.timeout(this.answerTimeout)
			.onErrorMap(this.faults::isUnavailable, this.faults::unavailable);
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

	private Mono<Optional<Version>> currentVersion(ObjectKey key) {
		return this.database.sql(StorageSql.SELECT_ETAG)
			.bind("key", key.value())
			.map((row) -> Optional.of(new Version(row.get("etag", String.class), row.get("size", Long.class))))
			.one()
			.defaultIfEmpty(Optional.empty());
	}

	private Mono<WriteResult> insert(ObjectKey key, byte[] content, String contentType, String etag,
			OffsetDateTime now) {
		return this.database.sql(StorageSql.INSERT_OBJECT)
			.bindValues(StorageSql.insertParameters(key, content, contentType, etag, now))
			.fetch()
			.rowsUpdated()
			.flatMap((rows) -> (rows == 0) ? Mono.empty()
					: reserve(1, content.length).thenReturn(new WriteResult(new ObjectMetadata(key.value(),
							content.length, contentType, etag, now.toInstant(), now.toInstant()), true)));
	}

	private Mono<WriteResult> replace(ObjectKey key, byte[] content, String contentType, String etag,
			OffsetDateTime now, Version current) {
		long growth = content.length - current.size();
		return this.database.sql(StorageSql.REPLACE_OBJECT)
			.bindValues(StorageSql.replaceParameters(key, content, contentType, etag, now, current.etag()))
			.map((row) -> row.get("created", OffsetDateTime.class))
			.one()
			.flatMap((created) -> {
				Mono<Void> accounting = (growth > 0) ? reserve(0, growth)
						: (growth < 0) ? release(0, -growth) : Mono.empty();
				return accounting.thenReturn(new WriteResult(new ObjectMetadata(key.value(), content.length,
						contentType, etag, created.toInstant(), now.toInstant()), false));
			});
	}

	private Mono<Void> reserve(long objects, long bytes) {
		return this.database.sql(StorageSql.RESERVE)
			.bindValues(StorageSql.reserveParameters(objects, bytes, this.limits))
			.map(this::acceptUsage)
			.one()
			.switchIfEmpty(Mono.defer(() -> this.database.sql(StorageSql.SELECT_USAGE)
				.map((row) -> row.get("objects", Long.class))
				.one()
				.flatMap((stored) -> Mono.error(StorageSql.storageFull(this.limits, stored, objects)))))
			.then();
	}

	private Mono<Void> release(long objects, long bytes) {
		return this.database.sql(StorageSql.RELEASE)
			.bind("objects", objects)
			.bind("bytes", bytes)
			.map(this::acceptUsage)
			.one()
			.then();
	}

	private boolean acceptUsage(Readable row) {
		this.usage.accept(row.get("objects", Long.class), row.get("bytes", Long.class), row.get("version", Long.class));
		return true;
	}

	private static ObjectPage page(List<ListingItem> rows, int limit) {
		if (rows.size() > limit) {
			List<ListingItem> page = rows.subList(0, limit);
			return new ObjectPage(page, ListQuery.cursorAfter(page.get(page.size() - 1).key()));
		}
		return new ObjectPage(rows, null);
	}

	private static StoredObject storedObject(Readable row) {
		ObjectMetadata metadata = new ObjectMetadata(row.get("key", String.class), row.get("size", Long.class),
				row.get("content_type", String.class), row.get("etag", String.class),
				row.get("created", OffsetDateTime.class).toInstant(),
				row.get("modified", OffsetDateTime.class).toInstant());
		return new StoredObject(metadata, row.get("content", byte[].class));
	}

	private static ListingItem listingItem(Readable row) {
		return new ListingItem(row.get("key", String.class), row.get("size", Long.class),
				row.get("content_type", String.class), row.get("etag", String.class),
				row.get("modified", OffsetDateTime.class).toInstant());
	}

	/**
	 * What a conditional write compares against: the current ETag, and the size that
	 * comes with it.
	 */
	private record Version(String etag, long size) {
	}

}
