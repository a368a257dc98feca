package dev.iomodels.postgres;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.iomodels.postgres.testing.TestDatabases;
import dev.iomodels.storage.ETags;
import dev.iomodels.storage.InMemoryObjectStore;
import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ListingItem;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectPage;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.StorageStats;
import dev.iomodels.storage.WriteResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The SQL engine of the postgres backend, against a real PostgreSQL, through one of its
 * two ports: what the in-memory engine's tests specify for a single thread, and what only
 * a database can get wrong — conditional writes and limits under concurrency, and the key
 * order of the keyset pages. Each test gets a database of its own.
 */
abstract class PostgresObjectStoreTests {

	private static final Instant T0 = Instant.parse("2025-01-02T03:04:05.006Z");

	private static final ObjectKey KEY = ObjectKey.of("k");

	private static final int THREADS = 12;

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final List<AutoCloseable> resources = new ArrayList<>();

	/**
	 * Open the port under test on a migrated database.
	 * @param properties where the database is
	 * @param limits the limits to enforce
	 * @param clock the clock
	 * @return the port, seen as a blocking store
	 */
	protected abstract Opened open(PostgresStorageProperties properties, StorageLimits limits, Clock clock);

	@AfterEach
	void closeStores() throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
	}

	@Test
	void putThenGetReturnsTheBytesAndMetadataWithMillisecondTimes() {
		ObjectStore store = store(StorageLimits.DEFAULTS, Clock.fixed(T0.plusNanos(789), ZoneOffset.UTC));
		byte[] content = "hello".getBytes(StandardCharsets.US_ASCII);
		WriteResult result = store.put(KEY, content, "text/plain", Preconditions.NONE);
		assertThat(result.created()).isTrue();
		assertThat(result.metadata().etag()).isEqualTo(ETags.of(content));
		assertThat(result.metadata().created()).isEqualTo(T0);
		assertThat(store.get(KEY).metadata()).isEqualTo(result.metadata());
		assertThat(store.get(KEY).content()).isEqualTo(content);
		assertThat(store.backend()).isEqualTo("postgres");
	}

	@Test
	void replaceKeepsTheCreatedTimeAndAccountsTheSizeDifference() {
		MutableClock clock = new MutableClock(T0);
		ObjectStore store = store(StorageLimits.DEFAULTS, clock);
		store.put(KEY, new byte[10], "text/plain", Preconditions.NONE);
		clock.now = T0.plusSeconds(60);
		WriteResult replaced = store.put(KEY, new byte[4], "application/json", Preconditions.NONE);
		assertThat(replaced.created()).isFalse();
		assertThat(replaced.metadata().created()).isEqualTo(T0);
		assertThat(replaced.metadata().modified()).isEqualTo(T0.plusSeconds(60));
		assertThat(store.get(KEY).metadata()).isEqualTo(replaced.metadata());
		assertThat(store.stats()).isEqualTo(new StorageStats(1, 4));
		store.delete(KEY, Preconditions.NONE);
		assertThat(store.stats()).isEqualTo(new StorageStats(0, 0));
		assertProblem(() -> store.get(KEY), ProblemType.NOT_FOUND);
		assertProblem(() -> store.delete(KEY, Preconditions.NONE), ProblemType.NOT_FOUND);
	}

	@Test
	void staleIfMatchChangesNothing() {
		ObjectStore store = store(StorageLimits.DEFAULTS, Clock.systemUTC());
		String first = store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE).metadata().etag();
		store.put(KEY, new byte[] { 2 }, "text/plain", Preconditions.ifMatch(first));
		assertProblem(() -> store.put(KEY, new byte[] { 3 }, "text/plain", Preconditions.ifMatch(first)),
				ProblemType.PRECONDITION_FAILED);
		assertProblem(() -> store.delete(KEY, Preconditions.ifMatch(first)), ProblemType.PRECONDITION_FAILED);
		assertProblem(() -> store.put(KEY, new byte[] { 3 }, "text/plain", Preconditions.CREATE_ONLY),
				ProblemType.PRECONDITION_FAILED);
		assertThat(store.get(KEY).content()).containsExactly(2);
	}

	@Test
	void objectLargerThanTheLimitIsRefusedBeforeTheDatabase() {
		ObjectStore store = store(new StorageLimits(8, 10, 100), Clock.systemUTC());
		assertProblem(() -> store.put(KEY, new byte[9], "text/plain", Preconditions.NONE),
				ProblemType.PAYLOAD_TOO_LARGE);
		assertThat(store.put(KEY, new byte[8], "text/plain", Preconditions.NONE).created()).isTrue();
	}

	@Test
	void pagesListKeysInTheSameOrderAsTheInMemoryEngine() {
		ObjectStore store = store(StorageLimits.DEFAULTS, Clock.systemUTC());
		InMemoryObjectStore memory = new InMemoryObjectStore(StorageLimits.DEFAULTS);
		List<String> keys = List.of("b", "B", "a", "A", "0", "9", "b-", "b.", "b_", "b~", "bZ", "ba", "b0", "c", "Zz",
				"b-x", "b~~");
		for (String key : keys) {
			store.put(ObjectKey.of(key), new byte[] { 1 }, "text/plain", Preconditions.NONE);
			memory.put(ObjectKey.of(key), new byte[] { 1 }, "text/plain", Preconditions.NONE);
		}
		for (String prefix : List.of("", "b", "b-", "B", "z")) {
			for (int limit : new int[] { 1, 2, 3, 100 }) {
				assertThat(allPages(store, prefix, limit)).as("prefix '%s', limit %d", prefix, limit)
					.isEqualTo(allPages(memory, prefix, limit));
			}
		}
		assertThat(allPages(store, "b", 4)).containsExactly("b", "b-", "b-x", "b.", "b0", "bZ", "b_", "ba", "b~",
				"b~~");
	}

	@Test
	void concurrentCreateOnlyPutsHaveExactlyOneWinner() throws Exception {
		ObjectStore store = store(StorageLimits.DEFAULTS, Clock.systemUTC());
		List<Object> outcomes = contend((i) -> () -> store.put(KEY, ("writer " + i).getBytes(StandardCharsets.UTF_8),
				"text/plain", Preconditions.CREATE_ONLY));
		assertThat(outcomes).filteredOn(WriteResult.class::isInstance).hasSize(1);
		assertThat(outcomes).filteredOn(ProblemType.PRECONDITION_FAILED::equals).hasSize(THREADS - 1);
		WriteResult winner = (WriteResult) outcomes.stream().filter(WriteResult.class::isInstance).findFirst().get();
		assertThat(store.get(KEY).metadata()).isEqualTo(winner.metadata());
		assertThat(store.stats().objects()).isEqualTo(1);
	}

	@Test
	void concurrentIfMatchPutsOnOneVersionHaveExactlyOneWinner() throws Exception {
		ObjectStore store = store(StorageLimits.DEFAULTS, Clock.systemUTC());
		String etag = store.put(KEY, new byte[] { 0 }, "text/plain", Preconditions.NONE).metadata().etag();
		List<Object> outcomes = contend((i) -> () -> store.put(KEY, ("writer " + i).getBytes(StandardCharsets.UTF_8),
				"text/plain", Preconditions.ifMatch(etag)));
		assertThat(outcomes).filteredOn(WriteResult.class::isInstance).hasSize(1);
		assertThat(outcomes).filteredOn(ProblemType.PRECONDITION_FAILED::equals).hasSize(THREADS - 1);
	}

	@Test
	void concurrentIfMatchDeletesHaveExactlyOneWinner() throws Exception {
		ObjectStore store = store(StorageLimits.DEFAULTS, Clock.systemUTC());
		String etag = store.put(KEY, new byte[] { 0 }, "text/plain", Preconditions.NONE).metadata().etag();
		List<Object> outcomes = contend((i) -> () -> {
			store.delete(KEY, Preconditions.ifMatch(etag));
			return "deleted";
		});
		assertThat(outcomes).filteredOn("deleted"::equals).hasSize(1);
		assertThat(store.stats()).isEqualTo(new StorageStats(0, 0));
	}

	@Test
	void objectLimitHoldsUnderConcurrentCreates() throws Exception {
		ObjectStore store = store(new StorageLimits(1024, 5, 1024 * 1024), Clock.systemUTC());
		List<Object> outcomes = contend((i) -> () -> store.put(ObjectKey.of("key" + i), new byte[] { (byte) i },
				"text/plain", Preconditions.NONE));
		assertThat(outcomes).filteredOn(WriteResult.class::isInstance).hasSize(5);
		assertThat(outcomes).filteredOn(ProblemType.STORAGE_FULL::equals).hasSize(THREADS - 5);
		assertThat(listAll(store)).hasSize(5);
		assertThat(store.stats()).isEqualTo(new StorageStats(5, 5));
	}

	@Test
	void byteBudgetHoldsUnderConcurrentCreatesAndReplacements() throws Exception {
		ObjectStore store = store(new StorageLimits(1024, 1000, 400), Clock.systemUTC());
		store.put(KEY, new byte[50], "text/plain", Preconditions.NONE);
		// Half grow the one existing object, half create new ones: 50 + 100 each.
		List<Object> outcomes = contend(
				(i) -> () -> (i % 2 == 0) ? store.put(KEY, new byte[100 + i], "text/plain", Preconditions.NONE)
						: store.put(ObjectKey.of("key" + i), new byte[100], "text/plain", Preconditions.NONE));
		long stored = listAll(store).stream().mapToLong(ListingItem::size).sum();
		assertThat(stored).isLessThanOrEqualTo(400);
		assertThat(store.stats().bytes()).isEqualTo(stored);
		assertThat(store.stats().objects()).isEqualTo(listAll(store).size());
		assertThat(outcomes).filteredOn(ProblemType.STORAGE_FULL::equals).isNotEmpty();
	}

	@Test
	void usageIsReadBackWhenAStoreIsOpenedOnAnExistingDatabase() {
		PostgresStorageProperties properties = newDatabase();
		ObjectStore first = open(properties, StorageLimits.DEFAULTS, Clock.systemUTC()).register(this.resources);
		first.put(KEY, new byte[7], "text/plain", Preconditions.NONE);
		ObjectStore second = open(properties, StorageLimits.DEFAULTS, Clock.systemUTC()).register(this.resources);
		assertThat(second.stats()).isEqualTo(new StorageStats(1, 7));
		assertThat(second.get(KEY).content()).hasSize(7);
	}

	private ObjectStore store(StorageLimits limits, Clock clock) {
		return open(newDatabase(), limits, clock).register(this.resources);
	}

	static PostgresStorageProperties newDatabase() {
		String database = TestDatabases.createDatabase("engine");
		return properties(TestDatabases.server().url(database), Duration.ofSeconds(2));
	}

	static PostgresStorageProperties properties(String url, Duration timeouts) {
		return new PostgresStorageProperties(url, "postgres", null, 4, timeouts, timeouts, Duration.ofSeconds(5),
				Duration.ofSeconds(10));
	}

	private static List<String> allPages(ObjectStore store, String prefix, int limit) {
		List<String> keys = new ArrayList<>();
		String cursor = null;
		do {
			ObjectPage page = store.list(ListQuery.parse(prefix, Integer.toString(limit), cursor));
			assertThat(page.items().size()).isLessThanOrEqualTo(limit);
			page.items().forEach((item) -> keys.add(item.key()));
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return keys;
	}

	private static List<ListingItem> listAll(ObjectStore store) {
		return store.list(ListQuery.parse(null, "1000", null)).items();
	}

	/**
	 * Run one task per thread, all released together; each outcome is the task's result
	 * or the type of the problem it was refused with.
	 */
	private static List<Object> contend(java.util.function.IntFunction<Callable<?>> tasks) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Object>> futures = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				Callable<?> task = tasks.apply(i);
				futures.add(executor.submit(() -> {
					start.await();
					try {
						return task.call();
					}
					catch (ProblemException ex) {
						return ex.type();
					}
				}));
			}
			start.countDown();
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> future : futures) {
				outcomes.add(future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			executor.shutdownNow();
		}
	}

	static void assertProblem(Runnable action, ProblemType type) {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(action::run)
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(type));
	}

	/**
	 * A store under test and what to close after it.
	 *
	 * @param store the port, seen as a blocking store
	 * @param resources its pool
	 */
	record Opened(ObjectStore store, AutoCloseable resources) {

		ObjectStore register(List<AutoCloseable> toClose) {
			toClose.add(this.resources);
			return this.store;
		}

	}

	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
