package dev.iomodels.service;

import java.net.URI;
import java.util.List;

import dev.iomodels.storage.ObjectMetadata;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.StoredObject;
import dev.iomodels.storage.WriteResult;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Builds the successful responses of the object endpoints. {@link ResponseEntity} is
 * common to Spring MVC and WebFlux, so both web adapters answer from this one place and
 * cannot drift apart in status codes or headers.
 */
public final class ObjectResponses {

	/** Where objects live; a PUT's Location is this plus the key. */
	public static final String OBJECTS_PATH = "/api/v1/objects";

	private static final HttpDates DATES = new HttpDates();

	private ObjectResponses() {
	}

	/**
	 * Answer a successful PUT: 201 with {@code Location} for a new key, 200 for a
	 * replacement, each with the ETag and the metadata as JSON.
	 * @param result the write's outcome
	 * @return the response
	 */
	public static ResponseEntity<ObjectMetadata> written(WriteResult result) {
		ObjectMetadata metadata = result.metadata();
		ResponseEntity.BodyBuilder response = result.created()
				? ResponseEntity.created(URI.create(OBJECTS_PATH + "/" + metadata.key())) : ResponseEntity.ok();
		return response.eTag(metadata.etag()).body(metadata);
	}

	/**
	 * Answer a GET or HEAD of an existing object: 304 with the ETag if the client's copy
	 * is current, otherwise 200 with the bytes and the stored Content-Type, sent
	 * verbatim.
	 * @param object the object
	 * @param preconditions the request's conditional headers
	 * @return the response
	 */
	public static Answer read(StoredObject object, Preconditions preconditions) {
		ObjectMetadata metadata = object.metadata();
		if (preconditions.notModified(metadata.etag())) {
			return Answer.withoutBody(HttpStatus.NOT_MODIFIED.value(),
					List.of(new Answer.Header(HttpHeaders.ETAG, metadata.etag())));
		}
		// The stored ETag is already quoted; the order is the one both stacks always
		// sent.
		return new Answer(HttpStatus.OK.value(),
				List.of(new Answer.Header(HttpHeaders.CONTENT_TYPE, metadata.contentType()),
						new Answer.Header(HttpHeaders.ETAG, metadata.etag()),
						new Answer.Header(HttpHeaders.LAST_MODIFIED, DATES.format(metadata.modified())),
						new Answer.Header(HttpHeaders.CONTENT_LENGTH, Long.toString(metadata.size()))),
				object.content());
	}

	/**
	 * Answer an OPTIONS request for an object: the methods it supports, in a fixed order.
	 * Answered by the API rather than by the frameworks, which list the same methods in
	 * different orders and add an empty {@code Accept-Patch}.
	 * @return 200 with {@code Allow} and no body
	 */
	public static ResponseEntity<Void> objectOptions() {
		return options(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.OPTIONS);
	}

	/**
	 * Answer an OPTIONS request for the collection of objects (the listing).
	 * @return 200 with {@code Allow} and no body
	 */
	public static ResponseEntity<Void> collectionOptions() {
		return options(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
	}

	private static ResponseEntity<Void> options(HttpMethod... methods) {
		return ResponseEntity.ok().allow(methods).contentLength(0).build();
	}

	/**
	 * Answer a successful DELETE.
	 * @return 204 with no body
	 */
	public static ResponseEntity<Void> deleted() {
		return ResponseEntity.noContent().build();
	}

}
