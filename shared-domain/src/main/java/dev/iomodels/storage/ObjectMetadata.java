package dev.iomodels.storage;

import java.time.Instant;

/**
 * What the API tells about a stored object; the JSON body of a PUT response, in this
 * component order.
 *
 * @param key the key
 * @param size the content length in bytes
 * @param contentType the stored Content-Type
 * @param etag the quoted strong ETag
 * @param created when the key was first stored (kept across replacements)
 * @param modified when the content was last stored
 */
public record ObjectMetadata(String key, long size, String contentType, String etag, Instant created,
		Instant modified) {
}
