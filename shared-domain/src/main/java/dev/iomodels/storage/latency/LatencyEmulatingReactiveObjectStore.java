package dev.iomodels.storage.latency;

import java.time.Duration;

import dev.iomodels.storage.ForwardingReactiveObjectStore;
import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectPage;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.ReactiveObjectStore;
import dev.iomodels.storage.RequestDeadline;
import dev.iomodels.storage.StoredObject;
import dev.iomodels.storage.WriteResult;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Adds {@link EmulatedLatency} in front of every operation of a reactive store with a
 * timer: the request is parked as an entry in the scheduler's timer queue and no thread
 * waits for it. When the timer fires, the operation runs on the timer's thread, so the
 * delegate must not block either.
 * <p>
 * A wait longer than the storage operation timeout ends at the timeout with
 * {@link ProblemType#STORAGE_TIMEOUT} instead, before the operation runs, as in
 * {@link LatencyEmulatingObjectStore}. A request that carries its deadline in the Reactor
 * context ({@link RequestDeadline#CONTEXT_KEY}) gets at most what is left of its budget.
 */
public final class LatencyEmulatingReactiveObjectStore extends ForwardingReactiveObjectStore {

	private final EmulatedLatency latency;

	private final Scheduler timer;

	private final Duration timeout;

	/**
	 * Wrap a store, with timers on Reactor's parallel scheduler.
	 * @param delegate the store that does the work
	 * @param latency the wait before each operation
	 */
	public LatencyEmulatingReactiveObjectStore(ReactiveObjectStore delegate, EmulatedLatency latency) {
		this(delegate, latency, Schedulers.parallel());
	}

	/**
	 * Wrap a store.
	 * @param delegate the store that does the work
	 * @param latency the wait before each operation
	 * @param timer the scheduler whose timers delay the operations
	 */
	public LatencyEmulatingReactiveObjectStore(ReactiveObjectStore delegate, EmulatedLatency latency, Scheduler timer) {
		this(delegate, latency, timer, null);
	}

	/**
	 * Wrap a store.
	 * @param delegate the store that does the work
	 * @param latency the wait before each operation
	 * @param timer the scheduler whose timers delay the operations
	 * @param timeout the longest wait before an operation is given up with
	 * {@link ProblemType#STORAGE_TIMEOUT}, or {@code null} for none
	 */
	public LatencyEmulatingReactiveObjectStore(ReactiveObjectStore delegate, EmulatedLatency latency, Scheduler timer,
			Duration timeout) {
		super(delegate);
		this.latency = latency;
		this.timer = timer;
		this.timeout = timeout;
	}

	@Override
	public Mono<StoredObject> get(ObjectKey key) {
		return delayed(Mono.defer(() -> delegate().get(key)));
	}

	@Override
	public Mono<WriteResult> put(ObjectKey key, byte[] content, String contentType, Preconditions preconditions) {
		return delayed(Mono.defer(() -> delegate().put(key, content, contentType, preconditions)));
	}

	@Override
	public Mono<Void> delete(ObjectKey key, Preconditions preconditions) {
		return delayed(Mono.defer(() -> delegate().delete(key, preconditions)));
	}

	@Override
	public Mono<ObjectPage> list(ListQuery query) {
		return delayed(Mono.defer(() -> delegate().list(query)));
	}

	private <T> Mono<T> delayed(Mono<T> operation) {
		return Mono.deferContextual((context) -> {
			Duration wait = this.latency.next();
			if (wait.isZero()) {
				return operation;
			}
			Duration limit = context.getOrDefault(RequestDeadline.CONTEXT_KEY, RequestDeadline.none())
				.limit(this.timeout);
			if (limit != null && wait.compareTo(limit) > 0) {
				return Mono.delay(limit, this.timer).then(Mono.error(StorageTimeouts.timedOut(limit)));
			}
			return Mono.delay(wait, this.timer).then(operation);
		});
	}

}
