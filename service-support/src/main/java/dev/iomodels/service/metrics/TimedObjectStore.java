package dev.iomodels.service.metrics;

import java.util.function.Supplier;

import dev.iomodels.service.metrics.StorageOperations.Operation;
import dev.iomodels.storage.ForwardingObjectStore;
import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectPage;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.StoredObject;
import dev.iomodels.storage.WriteResult;

/**
 * Times every operation of a blocking port on the calling thread, from the call to its
 * return or throw.
 */
final class TimedObjectStore extends ForwardingObjectStore {

	private final StorageOperations operations;

	TimedObjectStore(ObjectStore delegate, StorageOperations operations) {
		super(delegate);
		this.operations = operations;
	}

	@Override
	public StoredObject get(ObjectKey key) {
		return timed(Operation.GET, () -> delegate().get(key));
	}

	@Override
	public WriteResult put(ObjectKey key, byte[] content, String contentType, Preconditions preconditions) {
		return timed(Operation.PUT, () -> delegate().put(key, content, contentType, preconditions));
	}

	@Override
	public void delete(ObjectKey key, Preconditions preconditions) {
		timed(Operation.DELETE, () -> {
			delegate().delete(key, preconditions);
			return null;
		});
	}

	@Override
	public ObjectPage list(ListQuery query) {
		return timed(Operation.LIST, () -> delegate().list(query));
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
