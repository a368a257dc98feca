package dev.iomodels.storage;

/**
 * An object with its content, as a read returns it. The content array is the store's own
 * copy and is shared, not cloned, so that serving a 1 MiB object does not copy 1 MiB on
 * every read: callers must treat it as read-only.
 *
 * @param metadata the object's metadata
 * @param content the stored bytes (read-only by contract)
 */
public record StoredObject(ObjectMetadata metadata, byte[] content) {

	@Override
	public String toString() {
		return "StoredObject[" + this.metadata + "]";
	}

}
