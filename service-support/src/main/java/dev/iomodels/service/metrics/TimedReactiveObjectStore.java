package dev.iomodels.service.metrics;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import dev.iomodels.service.metrics.StorageOperations.Operation;
import dev.iomodels.storage.ForwardingReactiveObjectStore;
import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectPage;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ReactiveObjectStore;
import dev.iomodels.storage.StoredObject;
import dev.iomodels.storage.WriteResult;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Times every operation of a reactive port from subscription to its terminal signal, on
 * whatever thread delivers it; nothing here waits. Each subscription is timed on its own,
 * as the operation runs once per subscription.
 */
final class TimedReactiveObjectStore extends ForwardingReactiveObjectStore {

	private final StorageOperations operations;

	TimedReactiveObjectStore(ReactiveObjectStore delegate, StorageOperations operations) {
		super(delegate);
		this.operations = operations;
	}

	@Override
	public Mono<StoredObject> get(ObjectKey key) {
		return timed(Operation.GET, () -> delegate().get(key));
	}

	@Override
	public Mono<WriteResult> put(ObjectKey key, byte[] content, String contentType, Preconditions preconditions) {
		return timed(Operation.PUT, () -> delegate().put(key, content, contentType, preconditions));
	}

	@Override
	public Mono<Void> delete(ObjectKey key, Preconditions preconditions) {
		return timed(Operation.DELETE, () -> delegate().delete(key, preconditions));
	}

	@Override
	public Mono<ObjectPage> list(ListQuery query) {
		return timed(Operation.LIST, () -> delegate().list(query));
	}

	private <T> Mono<T> timed(Operation operation, Supplier<Mono<T>> call) {
		return Mono.defer(() -> {
			long start = this.operations.start();
			// One terminal signal per subscription: a value or completion, an error, or a
			// cancel when the caller stops waiting first. A value is followed by
			// completion, so only the first signal is recorded.
			AtomicBoolean recorded = new AtomicBoolean();
			return call.get().doOnEach((signal) -> {
				if ((signal.isOnNext() || signal.isOnComplete()) && recorded.compareAndSet(false, true)) {
					this.operations.record(operation, StorageOperations.SUCCESS, start);
				}
				else if (signal.isOnError() && recorded.compareAndSet(false, true)) {
					this.operations.record(operation, StorageOperations.outcomeOf(signal.getThrowable()), start);
				}
			}).doFinally((type) -> {
				if (type == SignalType.CANCEL && recorded.compareAndSet(false, true)) {
					this.operations.record(operation, StorageOperations.CANCELLED, start);
				}
			});
		});
	}

}
