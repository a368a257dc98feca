package dev.iomodels.postgres;

import java.time.Clock;
import java.time.Duration;

import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectPage;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ReactiveObjectStore;
import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.StorageStats;
import dev.iomodels.storage.StoredObject;
import dev.iomodels.storage.WriteResult;
import io.r2dbc.pool.ConnectionPool;

/**
 * The SQL engine through the reactive port, over R2DBC and r2dbc-pool. The tests wait for
 * each result on their own threads, never on the driver's.
 */
class R2dbcObjectStoreTests extends PostgresObjectStoreTests {

	@Override
	protected Opened open(PostgresStorageProperties properties, StorageLimits limits, Clock clock) {
		ConnectionPool pool = R2dbcObjectStore.connectionPool(properties, null, "r2dbc-engine-test");
		R2dbcObjectStore store = R2dbcObjectStore.create(properties, pool, null, limits, clock);
		return new Opened(new Blocking(store), pool::dispose);
	}

	/**
	 * The reactive port seen as a blocking one, for the shared tests.
	 */
	private record Blocking(ReactiveObjectStore store) implements ObjectStore {

		private static final Duration TIMEOUT = Duration.ofSeconds(30);

		@Override
		public StoredObject get(ObjectKey key) {
			return this.store.get(key).block(TIMEOUT);
		}

		@Override
		public WriteResult put(ObjectKey key, byte[] content, String contentType, Preconditions preconditions) {
			return this.store.put(key, content, contentType, preconditions).block(TIMEOUT);
		}

		@Override
		public void delete(ObjectKey key, Preconditions preconditions) {
			this.store.delete(key, preconditions).block(TIMEOUT);
		}

		@Override
		public ObjectPage list(ListQuery query) {
			return this.store.list(query).block(TIMEOUT);
		}

		@Override
		public StorageStats stats() {
			return this.store.stats();
		}

		@Override
		public StorageLimits limits() {
			return this.store.limits();
		}

		@Override
		public String backend() {
			return this.store.backend();
		}

	}

}
