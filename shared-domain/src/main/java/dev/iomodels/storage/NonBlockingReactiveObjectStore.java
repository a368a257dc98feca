package dev.iomodels.storage;

import reactor.core.publisher.Mono;

/**
 * Offers a store whose operations never block (the lock-free {@link InMemoryObjectStore})
 * through the reactive port, by calling it on the subscribing thread. That thread may be
 * an event loop, which is safe only because the delegate does CPU work and nothing else;
 * a store that does I/O must implement {@link ReactiveObjectStore} itself.
 */
public final class NonBlockingReactiveObjectStore implements ReactiveObjectStore {

	private final ObjectStore delegate;

	/**
	 * Wrap a store that never blocks.
	 * @param delegate the store
	 */
	public NonBlockingReactiveObjectStore(ObjectStore delegate) {
		this.delegate = delegate;
	}

	@Override
	public Mono<StoredObject> get(ObjectKey key) {
		return Mono.fromCallable(() -> this.delegate.get(key));
	}

	@Override
	public Mono<WriteResult> put(ObjectKey key, byte[] content, String contentType, Preconditions preconditions) {
		return Mono.fromCallable(() -> this.delegate.put(key, content, contentType, preconditions));
	}

	@Override
	public Mono<Void> delete(ObjectKey key, Preconditions preconditions) {
		return Mono.fromRunnable(() -> this.delegate.delete(key, preconditions));
	}

	@Override
	public Mono<ObjectPage> list(ListQuery query) {
		return Mono.fromCallable(() -> this.delegate.list(query));
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

}
