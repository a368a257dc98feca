package dev.iomodels.storage;

import reactor.core.publisher.Mono;

/**
 * The reactive port of the storage engine, for an event-loop adapter. No method may block
 * the subscribing thread: waiting is done by timers or non-blocking drivers, and refusals
 * are signalled as {@link ProblemException} errors. The semantics of every method are
 * those of the same method on {@link ObjectStore}.
 */
public interface ReactiveObjectStore {

	/**
	 * Read an object with its content.
	 * @param key the key
	 * @return the object, or an error of type {@link ProblemType#NOT_FOUND}
	 */
	Mono<StoredObject> get(ObjectKey key);

	/**
	 * Store an object atomically with respect to the preconditions.
	 * @param key the key
	 * @param content the bytes to store, kept by the store
	 * @param contentType the checked media type to store
	 * @param preconditions the request's conditional headers
	 * @return the result, or an error as for {@link ObjectStore#put}
	 */
	Mono<WriteResult> put(ObjectKey key, byte[] content, String contentType, Preconditions preconditions);

	/**
	 * Delete an object atomically with respect to the preconditions.
	 * @param key the key
	 * @param preconditions the request's conditional headers
	 * @return completion, or an error as for {@link ObjectStore#delete}
	 */
	Mono<Void> delete(ObjectKey key, Preconditions preconditions);

	/**
	 * List objects in ascending key order.
	 * @param query the validated listing request
	 * @return one page
	 */
	Mono<ObjectPage> list(ListQuery query);

	/**
	 * Return how full the store is, without blocking.
	 * @return a snapshot of the counts
	 */
	StorageStats stats();

	/**
	 * Return the store's bounds.
	 * @return the limits
	 */
	StorageLimits limits();

	/**
	 * Return the name of the backend.
	 * @return e.g. {@code memory}
	 */
	String backend();

}
