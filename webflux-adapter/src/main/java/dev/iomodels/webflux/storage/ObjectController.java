package dev.iomodels.webflux.storage;

import java.util.Map;

import dev.iomodels.service.Answer;
import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.ObjectResponses;
import dev.iomodels.service.RequestTimeouts;
import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ReactiveObjectStore;
import dev.iomodels.storage.RequestDeadline;
import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.http.ContentTypes;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * The object endpoints. Validation happens in the domain, in the same order as in the MVC
 * adapter (key, Content-Type, conditional headers, body), and the responses are built by
 * {@link ObjectResponses} as there; this class only moves bytes and headers between
 * Reactor Netty and the reactive storage port, without ever blocking the event loop. The
 * empty key ({@code /api/v1/objects/}, no {@code key} variable) is routed here too, so
 * that it is refused as the bad key it is (400 {@code invalid-key}), not as an unknown
 * path.
 */
@RestController
@RequestMapping(ObjectResponses.OBJECTS_PATH)
class ObjectController {

	@RequestMapping(path = { "/{key}", "/" }, method = RequestMethod.OPTIONS)
	Mono<ResponseEntity<Void>> objectOptions() {
		return Mono.just(ObjectResponses.objectOptions());
	}

	@RequestMapping(method = RequestMethod.OPTIONS)
	Mono<ResponseEntity<Void>> collectionOptions() {
		return Mono.just(ObjectResponses.collectionOptions());
	}

	private final ReactiveObjectStore store;

	private final JsonResponses json;

	ObjectController(ReactiveObjectStore store, JsonResponses json) {
		this.store = store;
		this.json = json;
	}

	@PutMapping(path = { "/{key}", "/" }, produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<byte[]>> put(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		ObjectKey objectKey = key(exchange);
		// The raw header: getContentType() parses it, and throws on a value that the
		// domain must refuse with its own problem.
		String contentType = ContentTypes.toStore(request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
		Preconditions preconditions = preconditions(request.getHeaders());
		RequestDeadline deadline = RequestTimeouts.of(exchange.getAttribute(RequestTimeouts.ATTRIBUTE));
		return readBody(request, deadline)
			.flatMap((content) -> this.store.put(objectKey, content, contentType, preconditions))
			.map((result) -> this.json.of(ObjectResponses.written(result)));
	}

	@GetMapping({ "/{key}", "/" })
	Mono<Void> get(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		ServerHttpResponse response = exchange.getResponse();
		ObjectKey objectKey = key(exchange);
		Preconditions preconditions = preconditions(request.getHeaders());
		return this.store.get(objectKey)
			.flatMap((object) -> write(ObjectResponses.read(object, preconditions), response));
	}

	@DeleteMapping({ "/{key}", "/" })
	Mono<ResponseEntity<Void>> delete(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		ObjectKey objectKey = key(exchange);
		Preconditions preconditions = preconditions(request.getHeaders());
		return this.store.delete(objectKey, preconditions).then(Mono.fromSupplier(ObjectResponses::deleted));
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<byte[]>> list(ServerHttpRequest request) {
		// The first value of a repeated parameter counts, as in the MVC adapter.
		MultiValueMap<String, String> parameters = request.getQueryParams();
		ListQuery query = ListQuery.parse(parameters.getFirst("prefix"), parameters.getFirst("limit"),
				parameters.getFirst("cursor"));
		return this.store.list(query).map(this.json::ok);
	}

	/**
	 * Send an object's response straight to Reactor Netty rather than return it: the
	 * message writers would parse the stored Content-Type, and fail on a value that the
	 * domain accepts but Spring's parser does not (a charset this JVM does not know, for
	 * one). Here every header goes out as built, and the store's array is wrapped, not
	 * copied. Spring drops the body of a HEAD request, and the Content-Length set
	 * beforehand still tells the object's size.
	 */
	private static Mono<Void> write(Answer answer, ServerHttpResponse response) {
		response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
		HttpHeaders headers = response.getHeaders();
		for (Answer.Header header : answer.headers()) {
			headers.add(header.name(), header.value());
		}
		if (!answer.hasBody()) {
			return response.setComplete();
		}
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(answer.body())));
	}

	/**
	 * Read the whole body, never holding more than the object size limit: a declared
	 * Content-Length above it is refused before a byte is read, and a chunked body is cut
	 * off as soon as it grows past it. The request's deadline is checked on every buffer
	 * that arrives, as the MVC adapter checks it after every read that delivered bytes;
	 * the check only reads a clock, so it runs on the event loop.
	 */
	private Mono<byte[]> readBody(ServerHttpRequest request, RequestDeadline deadline) {
		long maxSize = this.store.limits().maxObjectSize();
		if (request.getHeaders().getContentLength() > maxSize) {
			return Mono.error(StorageLimits.tooLarge(maxSize));
		}
		int maxBytes = (int) Math.min(maxSize, Integer.MAX_VALUE - 8);
		return DataBufferUtils.join(request.getBody().map((buffer) -> arrived(buffer, deadline)), maxBytes)
			.map(ObjectController::toBytes)
			.onErrorMap(DataBufferLimitException.class, (ex) -> StorageLimits.tooLarge(maxSize))
			// No body at all is a zero-byte object.
			.switchIfEmpty(Mono.fromSupplier(() -> new byte[0]));
	}

	private static DataBuffer arrived(DataBuffer buffer, RequestDeadline deadline) {
		try {
			deadline.checkBodyArrival();
			return buffer;
		}
		catch (RuntimeException ex) {
			// The buffer never reaches the join, which releases only what it holds.
			DataBufferUtils.release(buffer);
			throw ex;
		}
	}

	private static byte[] toBytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	/**
	 * Take the key from the variables the handler mapping has already matched, rather
	 * than through a {@code @PathVariable} argument, which runs a data binder and a type
	 * conversion of a String to a String on every request. The empty key
	 * ({@code /api/v1/objects/}) has no variable and is refused as an invalid key.
	 */
	private static ObjectKey key(ServerWebExchange exchange) {
		Map<String, String> variables = exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return ObjectKey.of((variables != null) ? variables.get("key") : null);
	}

	private static Preconditions preconditions(HttpHeaders headers) {
		return Preconditions.parse(headers.getOrEmpty(HttpHeaders.IF_MATCH),
				headers.getOrEmpty(HttpHeaders.IF_NONE_MATCH));
	}

}
