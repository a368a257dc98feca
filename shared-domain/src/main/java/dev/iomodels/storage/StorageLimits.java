package dev.iomodels.storage;

/**
 * The bounds of a store. A store refuses a write that would cross them (413 for one
 * object too large, 507 for a full store) instead of running out of memory.
 *
 * @param maxObjectSize the largest object, in bytes; exactly this size is accepted
 * @param maxObjects the most objects stored at once
 * @param maxBytes the most payload bytes stored at once
 */
public record StorageLimits(long maxObjectSize, long maxObjects, long maxBytes) {

	/** 1 MiB objects, 100,000 objects, 256 MiB of payload. */
	public static final StorageLimits DEFAULTS = new StorageLimits(1024 * 1024, 100_000, 256L * 1024 * 1024);

	public StorageLimits {
		if (maxObjectSize < 0 || maxObjects < 1 || maxBytes < 0) {
			throw new IllegalArgumentException(
					"Storage limits must be positive: " + maxObjectSize + ", " + maxObjects + ", " + maxBytes);
		}
	}

	/**
	 * Check the size of one object's content.
	 * @param size the content length in bytes
	 * @throws ProblemException of type {@link ProblemType#PAYLOAD_TOO_LARGE} if it is
	 * larger than {@link #maxObjectSize()}
	 */
	public void checkObjectSize(long size) {
		if (size > this.maxObjectSize) {
			throw tooLarge(this.maxObjectSize);
		}
	}

	/**
	 * Return the refusal of an object that is too large.
	 * @param maxObjectSize the limit that was crossed
	 * @return the problem to throw
	 */
	public static ProblemException tooLarge(long maxObjectSize) {
		return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
				"An object may be at most " + maxObjectSize + " bytes long.");
	}

}
