package dev.iomodels.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.StorageLimits;

/**
 * The statements of the postgres backend, used word for word by the JDBC and the R2DBC
 * store (both expand {@code :name} parameters), so the two do the same work per request.
 * <p>
 * Conditional writes are compare-and-set in SQL, like the in-memory engine's: the store
 * reads the current ETag, checks the preconditions against it, and then changes the row
 * only if it still has that ETag ({@code INSERT ... ON CONFLICT DO NOTHING} when there
 * was none, {@code UPDATE}/{@code DELETE ... WHERE etag = :expected} otherwise). A write
 * that changes no row lost a race and starts over with a fresh read, so a precondition is
 * always checked against the version the write replaces. The ETag is the content's hash,
 * so an unchanged ETag also means an unchanged size, which the usage accounting relies
 * on.
 * <p>
 * Space is accounted in the same transaction, after the object row is written (each
 * transaction locks its object row first and the usage row second, so no two can wait for
 * each other in a cycle): {@link #RESERVE} only changes the usage row if the limits still
 * hold, and a refused write rolls its object change back.
 */
final class StorageSql {

	static final String SELECT_OBJECT = "SELECT key, content, content_type, etag, size, created, modified "
			+ "FROM storage_object WHERE key = :key";

	static final String SELECT_ETAG = "SELECT etag, size FROM storage_object WHERE key = :key";

	static final String INSERT_OBJECT = "INSERT INTO storage_object "
			+ "(key, content, content_type, etag, size, created, modified) "
			+ "VALUES (:key, :content, :contentType, :etag, :size, :now, :now) ON CONFLICT (key) DO NOTHING";

	static final String REPLACE_OBJECT = "UPDATE storage_object SET content = :content, content_type = :contentType, "
			+ "etag = :etag, size = :size, modified = :now WHERE key = :key AND etag = :expected RETURNING created";

	static final String DELETE_OBJECT = "DELETE FROM storage_object WHERE key = :key AND etag = :expected";

	static final String RESERVE = "UPDATE storage_usage SET objects = objects + :objects, bytes = bytes + :bytes, "
			+ "version = version + 1 WHERE id = 1 AND objects + :objects <= :maxObjects "
			+ "AND bytes + :bytes <= :maxBytes RETURNING objects, bytes, version";

	static final String RELEASE = "UPDATE storage_usage SET objects = objects - :objects, bytes = bytes - :bytes, "
			+ "version = version + 1 WHERE id = 1 RETURNING objects, bytes, version";

	static final String SELECT_USAGE = "SELECT objects, bytes, version FROM storage_usage WHERE id = 1";

	/**
	 * One page of keys in byte order (the column is collated "C"), starting after the
	 * cursor or at the prefix, whichever is later, one row more than the page so that the
	 * store knows whether another page follows.
	 */
	static final String LIST = "SELECT key, size, content_type, etag, modified FROM storage_object "
			+ "WHERE key > :after AND key >= :prefix AND starts_with(key, :prefix) ORDER BY key LIMIT :limit";

	private StorageSql() {
	}

	/**
	 * Return the parameters of {@link #INSERT_OBJECT}, the same for both drivers
	 * ({@code JdbcClient.params}, {@code DatabaseClient.bindValues}).
	 * @param key the key
	 * @param content the bytes
	 * @param contentType the media type to store
	 * @param etag the content's ETag
	 * @param now the time of the write
	 * @return name to value
	 */
	static Map<String, Object> insertParameters(ObjectKey key, byte[] content, String contentType, String etag,
			OffsetDateTime now) {
		return Map.of("key", key.value(), "content", content, "contentType", contentType, "etag", etag, "size",
				(long) content.length, "now", now);
	}

	/**
	 * Return the parameters of {@link #REPLACE_OBJECT}: those of the insert and the ETag
	 * the row must still have.
	 * @param key the key
	 * @param content the bytes
	 * @param contentType the media type to store
	 * @param etag the content's ETag
	 * @param now the time of the write
	 * @param expected the ETag of the version being replaced
	 * @return name to value
	 */
	static Map<String, Object> replaceParameters(ObjectKey key, byte[] content, String contentType, String etag,
			OffsetDateTime now, String expected) {
		return Map.of("key", key.value(), "content", content, "contentType", contentType, "etag", etag, "size",
				(long) content.length, "now", now, "expected", expected);
	}

	/**
	 * Return the parameters of {@link #RESERVE}.
	 * @param objects the objects to add
	 * @param bytes the bytes to add
	 * @param limits the limits the usage must stay within
	 * @return name to value
	 */
	static Map<String, Object> reserveParameters(long objects, long bytes, StorageLimits limits) {
		return Map.of("objects", objects, "bytes", bytes, "maxObjects", limits.maxObjects(), "maxBytes",
				limits.maxBytes());
	}

	/**
	 * Return the time to store as created or modified: the API's millisecond precision.
	 * @param now the clock's instant
	 * @return the time in UTC
	 */
	static OffsetDateTime timestamp(Instant now) {
		return OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
	}

	/**
	 * Return the {@code :after} bound of a listing: the cursor's key, or the empty
	 * string, which every key is greater than.
	 * @param query the listing
	 * @return the bound
	 */
	static String after(ListQuery query) {
		return (query.after() != null) ? query.after() : "";
	}

	/**
	 * Return the refusal of a write that the usage row's guard turned down, naming the
	 * limit that would have been crossed.
	 * @param limits the limits
	 * @param objects the stored objects when it was refused
	 * @param addedObjects the objects the write would add
	 * @return the problem
	 */
	static ProblemException storageFull(StorageLimits limits, long objects, long addedObjects) {
		if (objects + addedObjects > limits.maxObjects()) {
			return new ProblemException(ProblemType.STORAGE_FULL,
					"The store holds its maximum of " + limits.maxObjects() + " objects.");
		}
		return new ProblemException(ProblemType.STORAGE_FULL,
				"Storing this object would exceed the store's budget of " + limits.maxBytes() + " bytes.");
	}

	static ProblemException notFound(ObjectKey key) {
		return new ProblemException(ProblemType.NOT_FOUND, "No object is stored under the key '" + key + "'.");
	}

}
