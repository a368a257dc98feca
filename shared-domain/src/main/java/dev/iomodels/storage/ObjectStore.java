package dev.iomodels.storage;

/**
 * The blocking port of the storage engine, for adapters that give each request a thread
 * of its own (a platform thread from a pool, or a virtual thread). Its methods may hold
 * the calling thread for as long as the store takes; refusals are thrown as
 * {@link ProblemException}.
 */
public interface ObjectStore {

	/**
	 * Read an object with its content.
	 * @param key the key
	 * @return the object
	 * @throws ProblemException of type {@link ProblemType#NOT_FOUND} if there is none
	 */
	StoredObject get(ObjectKey key);

	/**
	 * Store an object, atomically with respect to the preconditions: of many concurrent
	 * writes whose preconditions exclude each other, exactly one succeeds.
	 * @param key the key
	 * @param content the bytes to store; the store keeps this array, so the caller must
	 * not change it afterwards
	 * @param contentType the media type to store, already checked by
	 * {@link dev.iomodels.storage.http.ContentTypes#toStore(String)}
	 * @param preconditions the request's conditional headers
	 * @return the stored object's metadata and whether it was created
	 * @throws ProblemException of type {@link ProblemType#PRECONDITION_FAILED},
	 * {@link ProblemType#PAYLOAD_TOO_LARGE} or {@link ProblemType#STORAGE_FULL}
	 */
	WriteResult put(ObjectKey key, byte[] content, String contentType, Preconditions preconditions);

	/**
	 * Delete an object, atomically with respect to the preconditions.
	 * @param key the key
	 * @param preconditions the request's conditional headers
	 * @throws ProblemException of type {@link ProblemType#NOT_FOUND} or
	 * {@link ProblemType#PRECONDITION_FAILED}
	 */
	void delete(ObjectKey key, Preconditions preconditions);

	/**
	 * List objects in ascending key order.
	 * @param query the validated listing request
	 * @return one page
	 */
	ObjectPage list(ListQuery query);

	/**
	 * Return how full the store is. Never blocks: this is read by metrics gauges.
	 * @return a snapshot of the counts
	 */
	StorageStats stats();

	/**
	 * Return the store's bounds.
	 * @return the limits
	 */
	StorageLimits limits();

	/**
	 * Return the name of the backend, as reported by {@code /api/v1/info}.
	 * @return e.g. {@code memory}
	 */
	String backend();

}
