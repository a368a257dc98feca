package dev.iomodels.service.metrics;

import java.util.function.Supplier;

import dev.iomodels.service.metrics.StorageOperations.Operation;
import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectPage;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.StorageStats;
import dev.iomodels.storage.StoredObject;
import dev.iomodels.storage.WriteResult;

/**
 * Times every operation of a blocking port on the calling thread, from the call to its
 * return or throw.
 */
final class TimedObjectStore implements ObjectStore {

	private final ObjectStore delegate;

	private final StorageOperations operations;

	TimedObjectStore(ObjectStore delegate, StorageOperations operations) {
		this.delegate = delegate;
		this.operations = operations;
	}

	@Override
	public StoredObject get(ObjectKey key) {
		return timed(Operation.GET, () -> this.delegate.get(key));
	}

	@Override
	public WriteResult put(ObjectKey key, byte[] content, String contentType, Preconditions preconditions) {
		return timed(Operation.PUT, () -> this.delegate.put(key, content, contentType, preconditions));
	}

	@Override
	public void delete(ObjectKey key, Preconditions preconditions) {
		timed(Operation.DELETE, () -> {
			this.delegate.delete(key, preconditions);
			return null;
		});
	}

	@Override
	public ObjectPage list(ListQuery query) {
		return timed(Operation.LIST, () -> this.delegate.list(query));
	}

	@Override
	public StorageStats stats() {
		return this.delegate.stats();
	}

	@Override
	public StorageLimits limits() {
		return this.delegate.limits();
	}

	@Override
	public String backend() {
		return this.delegate.backend();
	}

	private <T> T timed(Operation operation, Supplier<T> call) {
		long start = this.operations.start();
		try {
			T result = call.get();
			this.operations.record(operation, StorageOperations.SUCCESS, start);
			return result;
		}
		catch (RuntimeException | Error ex) {
			this.operations.record(operation, StorageOperations.outcomeOf(ex), start);
			throw ex;
		}
	}

}
