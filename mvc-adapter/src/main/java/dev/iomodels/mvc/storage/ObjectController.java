package dev.iomodels.mvc.storage;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.ObjectResponses;
import dev.iomodels.service.QueryParameters;
import dev.iomodels.service.RequestTimeouts;
import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.http.ContentTypes;
import dev.iomodels.storage.http.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The object endpoints. Validation happens in the domain, in the same order as in the
 * WebFlux adapter (key, Content-Type, conditional headers, body), so that a request with
 * several faults gets the same answer from every service. The empty key
 * ({@code /api/v1/objects/}, no {@code key} variable) is routed here too, so that it is
 * refused as the bad key it is (400 {@code invalid-key}), not as an unknown path.
 */
@RestController
@RequestMapping(ObjectResponses.OBJECTS_PATH)
class ObjectController {

	@RequestMapping(path = { "/{key}", "/" }, method = RequestMethod.OPTIONS)
	ResponseEntity<Void> objectOptions() {
		return ObjectResponses.objectOptions();
	}

	@RequestMapping(method = RequestMethod.OPTIONS)
	ResponseEntity<Void> collectionOptions() {
		return ObjectResponses.collectionOptions();
	}

	private final ObjectStore store;

	private final JsonResponses json;

	ObjectController(ObjectStore store, JsonResponses json) {
		this.store = store;
		this.json = json;
	}

	@PutMapping(path = { "/{key}", "/" }, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> put(HttpServletRequest request) {
		ObjectKey objectKey = key(request);
		String contentType = ContentTypes.toStore(request.getHeader(HttpHeaders.CONTENT_TYPE));
		Preconditions preconditions = preconditions(request);
		byte[] content = readBody(request);
		return this.json.of(ObjectResponses.written(this.store.put(objectKey, content, contentType, preconditions)));
	}

	@GetMapping({ "/{key}", "/" })
	void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
		ObjectKey objectKey = key(request);
		Preconditions preconditions = preconditions(request);
		AnswerWriter.write(ObjectResponses.read(this.store.get(objectKey), preconditions), response);
	}

	@DeleteMapping({ "/{key}", "/" })
	ResponseEntity<Void> delete(HttpServletRequest request) {
		ObjectKey objectKey = key(request);
		this.store.delete(objectKey, preconditions(request));
		return ObjectResponses.deleted();
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> list(HttpServletRequest request) {
		// Parsed as WebFlux parses it, not by Tomcat (QueryParameters). The first value
		// of a repeated parameter counts, as in the WebFlux adapter.
		MultiValueMap<String, String> parameters = QueryParameters.parse(request.getQueryString());
		return this.json.ok(this.store.list(ListQuery.parse(parameters.getFirst("prefix"), parameters.getFirst("limit"),
				parameters.getFirst("cursor"))));
	}

	/**
	 * Take the key from the variables the handler mapping has already matched, rather
	 * than through a {@code @PathVariable} argument, which runs a data binder and a type
	 * conversion of a String to a String on every request. The empty key
	 * ({@code /api/v1/objects/}) has no variable and is refused as an invalid key.
	 */
	private static ObjectKey key(HttpServletRequest request) {
		Map<?, ?> variables = (Map<?, ?>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return ObjectKey.of((variables != null) ? (String) variables.get("key") : null);
	}

	/**
	 * Read the conditional headers straight from the request: binding all headers to an
	 * {@link HttpHeaders} argument copies every one into a case-insensitive map first.
	 */
	private static Preconditions preconditions(HttpServletRequest request) {
		return Preconditions.parse(values(request, HttpHeaders.IF_MATCH), values(request, HttpHeaders.IF_NONE_MATCH));
	}

	private static List<String> values(HttpServletRequest request, String name) {
		Enumeration<String> values = request.getHeaders(name);
		return values.hasMoreElements() ? Collections.list(values) : List.of();
	}

	private byte[] readBody(HttpServletRequest request) {
		try {
			// Blocking read on the request thread: a platform thread is held, a virtual
			// thread unmounts while the bytes arrive. The request's deadline is checked
			// after every read that delivered bytes, as the WebFlux adapter checks it on
			// every buffer. After the 408 (with Connection: close) Tomcat still reads and
			// drops what comes of the declared body, at most its maxSwallowSize, and
			// closes the connection then or after connection-timeout of silence.
			return RequestBodies.readAtMost(request.getInputStream(), request.getContentLengthLong(),
					this.store.limits().maxObjectSize(),
					RequestTimeouts.of(request.getAttribute(RequestTimeouts.ATTRIBUTE)));
		}
		catch (IOException ex) {
			throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The request body could not be read.");
		}
	}

}
