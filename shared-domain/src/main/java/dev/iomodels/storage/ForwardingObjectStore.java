package dev.iomodels.storage;

/**
 * A blocking port that passes every call on to another, for a decorator (the emulated
 * latency, the timing) to override only the operations it changes. What describes the
 * store ({@link #stats()}, {@link #limits()}, {@link #backend()}) is always the
 * delegate's, so those are final.
 */
public abstract class ForwardingObjectStore implements ObjectStore {

	private final ObjectStore delegate;

	/**
	 * Forward to a store.
	 * @param delegate the store that does the work
	 */
	protected ForwardingObjectStore(ObjectStore delegate) {
		this.delegate = delegate;
	}

	/**
	 * Return the store that calls are passed on to, to see how a port is layered.
	 * @return the delegate
	 */
	public final ObjectStore delegate() {
		return this.delegate;
	}

	@Override
	public StoredObject get(ObjectKey key) {
		return this.delegate.get(key);
	}

	@Override
	public WriteResult put(ObjectKey key, byte[] content, String contentType, Preconditions preconditions) {
		return this.delegate.put(key, content, contentType, preconditions);
	}

	@Override
	public void delete(ObjectKey key, Preconditions preconditions) {
		this.delegate.delete(key, preconditions);
	}

	@Override
	public ObjectPage list(ListQuery query) {
		return this.delegate.list(query);
	}

	@Override
	public final StorageStats stats() {
		return this.delegate.stats();
	}

	@Override
	public final StorageLimits limits() {
		return this.delegate.limits();
	}

	@Override
	public final String backend() {
		return this.delegate.backend();
	}

}
