package dev.iomodels.storage;

import java.time.Instant;

/**
 * One entry of a listing page.
 *
 * @param key the key
 * @param size the content length in bytes
 * @param contentType the stored Content-Type
 * @param etag the quoted strong ETag
 * @param modified when the content was last stored
 */
public record ListingItem(String key, long size, String contentType, String etag, Instant modified) {

	static ListingItem of(ObjectMetadata metadata) {
		return new ListingItem(metadata.key(), metadata.size(), metadata.contentType(), metadata.etag(),
				metadata.modified());
	}

}
