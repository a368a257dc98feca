package dev.iomodels.node;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import dev.iomodels.storage.InMemoryObjectStore;
import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.StorageStats;
import dev.iomodels.storage.StoredObject;
import dev.iomodels.storage.WriteResult;
import dev.iomodels.storage.http.ContentTypes;
import dev.iomodels.storage.latency.EmulatedLatency;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the node's protocol ({@link NodeProtocol}) on the event loop of each connection.
 * Nothing here blocks: the engine takes no lock, and the latency is a task scheduled on
 * the connection's own event loop, which then carries out the operation and writes the
 * answer, with no hop to another thread.
 */
final class NodeHandler implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	private static final String OBJECT_PREFIX = NodeProtocol.OBJECTS_PATH + "/";

	private static final byte[] NO_BODY = new byte[0];

	private final InMemoryObjectStore store;

	private final EmulatedLatency latency;

	private final NodeMetrics metrics;

	private final JsonMapper json = JsonMapper.builder().build();

	NodeHandler(InMemoryObjectStore store, EmulatedLatency latency, NodeMetrics metrics) {
		this.store = store;
		this.latency = latency;
		this.metrics = metrics;
	}

	@Override
	public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
		long start = this.metrics.started();
		String[] operation = { "other" };
		int[] status = { 0 };
		return Mono.defer(() -> route(request, operation))
			.onErrorResume(ProblemException.class, (problem) -> Mono.just(problem(problem)))
			.flatMap((answer) -> {
				status[0] = answer.status;
				return write(response, answer);
			})
			.doFinally((signal) -> this.metrics.finished(start, operation[0], status[0]));
	}

	private Mono<Answer> route(HttpServerRequest request, String[] operation) {
		QueryStringDecoder uri = new QueryStringDecoder(request.uri());
		String path = uri.rawPath();
		HttpMethod method = request.method();
		if (path.startsWith(OBJECT_PREFIX)) {
			ObjectKey key = ObjectKey.of(QueryStringDecoder.decodeComponent(path.substring(OBJECT_PREFIX.length())));
			if (method.equals(HttpMethod.GET)) {
				operation[0] = "get";
				return delayed(request, () -> read(this.store.get(key)));
			}
			if (method.equals(HttpMethod.PUT)) {
				operation[0] = "put";
				return put(request, key);
			}
			if (method.equals(HttpMethod.DELETE)) {
				operation[0] = "delete";
				Preconditions preconditions = preconditions(request);
				return delayed(request, () -> {
					this.store.delete(key, preconditions);
					return storageAnswer(204, NO_BODY, null);
				});
			}
			throw notAllowed(method, "GET, PUT, DELETE");
		}
		if (path.equals(NodeProtocol.OBJECTS_PATH)) {
			if (!method.equals(HttpMethod.GET)) {
				throw notAllowed(method, "GET");
			}
			operation[0] = "list";
			ListQuery query = listQuery(uri.parameters());
			return delayed(request, () -> storageAnswer(200, toJson(this.store.list(query)), "application/json"));
		}
		if (path.equals(NodeProtocol.STATS_PATH) && method.equals(HttpMethod.GET)) {
			operation[0] = "stats";
			return Mono.just(new Answer(200, toJson(stats()), "application/json", Map.of()));
		}
		if (path.equals(NodeProtocol.METRICS_PATH) && method.equals(HttpMethod.GET)) {
			operation[0] = "metrics";
			return Mono.just(new Answer(200, this.metrics.scrape().getBytes(StandardCharsets.UTF_8),
					"text/plain; version=0.0.4; charset=utf-8", Map.of()));
		}
		throw new ProblemException(ProblemType.NOT_FOUND, "The storage node has no resource at " + path
				+ "; it serves /objects, /objects/{key}, /stats and /metrics.");
	}

	private Mono<Answer> put(HttpServerRequest request, ObjectKey key) {
		long maxSize = this.store.limits().maxObjectSize();
		String declared = request.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
		if (declared != null && parseLength(declared) > maxSize) {
			throw StorageLimits.tooLarge(maxSize);
		}
		String contentType = ContentTypes.toStore(request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE));
		Preconditions preconditions = preconditions(request);
		long deadline = deadline(request);
		return request.receive()
			.reduceWith(ByteArrayOutputStream::new, (body, buffer) -> append(body, buffer, maxSize))
			.switchIfEmpty(Mono.fromSupplier(ByteArrayOutputStream::new))
			.flatMap((body) -> delayed(request, deadline, () -> {
				WriteResult result = this.store.put(key, body.toByteArray(), contentType, preconditions);
				return storageAnswer(result.created() ? 201 : 200, toJson(result.metadata()), "application/json");
			}));
	}

	private static ByteArrayOutputStream append(ByteArrayOutputStream body, ByteBuf buffer, long maxSize) {
		int readable = buffer.readableBytes();
		if (body.size() + (long) readable > maxSize) {
			throw StorageLimits.tooLarge(maxSize);
		}
		byte[] bytes = new byte[readable];
		buffer.readBytes(bytes);
		body.writeBytes(bytes);
		return body;
	}

	private Answer read(StoredObject object) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(HttpHeaderNames.ETAG.toString(), object.metadata().etag());
		headers.put(NodeProtocol.CREATED, object.metadata().created().toString());
		headers.put(NodeProtocol.MODIFIED, object.metadata().modified().toString());
		headers.putAll(usage());
		return new Answer(200, object.content(), object.metadata().contentType(), headers);
	}

	private Answer storageAnswer(int status, byte[] body, String contentType) {
		return new Answer(status, body, contentType, usage());
	}

	private Map<String, String> usage() {
		StorageStats stats = this.store.stats();
		return Map.of(NodeProtocol.OBJECTS, Long.toString(stats.objects()), NodeProtocol.BYTES,
				Long.toString(stats.bytes()));
	}

	private Map<String, Object> stats() {
		StorageStats stats = this.store.stats();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("objects", stats.objects());
		body.put("bytes", stats.bytes());
		body.put("maxObjectSize", this.store.limits().maxObjectSize());
		body.put("maxObjects", this.store.limits().maxObjects());
		body.put("maxBytes", this.store.limits().maxBytes());
		body.put("latency", this.latency.base().toString());
		body.put("latencyJitter", this.latency.jitter().toString());
		body.put("inFlight", this.metrics.inFlight());
		return body;
	}

	private Mono<Answer> delayed(HttpServerRequest request, Supplier<Answer> operation) {
		return delayed(request, deadline(request), operation);
	}

	/**
	 * Carry out an operation after the latency, on a timer of the connection's event
	 * loop; if the latency would end past the request's deadline, answer 504 at the
	 * deadline instead, without carrying it out.
	 */
	private Mono<Answer> delayed(HttpServerRequest request, long deadline, Supplier<Answer> operation) {
		long wait = this.latency.next().toNanos();
		long budget = (deadline != Long.MAX_VALUE) ? Math.max(0, deadline - System.nanoTime()) : Long.MAX_VALUE;
		if (wait > budget) {
			long budgetMillis = TimeUnit.NANOSECONDS.toMillis(budget);
			return timer(request, budget).then(Mono.error(() -> new ProblemException(ProblemType.STORAGE_TIMEOUT,
					"The storage node could not carry out the operation within its deadline (" + budgetMillis
							+ " ms left); nothing was changed.")));
		}
		if (wait == 0) {
			return Mono.fromSupplier(operation);
		}
		return timer(request, wait).then(Mono.fromSupplier(operation));
	}

	private static Mono<Void> timer(HttpServerRequest request, long nanos) {
		EventLoop[] loop = new EventLoop[1];
		request.withConnection((connection) -> loop[0] = connection.channel().eventLoop());
		return Mono.create((sink) -> {
			ScheduledFuture<?> task = loop[0].schedule(() -> sink.success(), nanos, TimeUnit.NANOSECONDS);
			sink.onCancel(() -> task.cancel(false));
		});
	}

	/**
	 * Return the request's deadline as a {@link System#nanoTime()} value, counted from
	 * now, when its head has been read.
	 */
	private static long deadline(HttpServerRequest request) {
		String budget = request.requestHeaders().get(NodeProtocol.DEADLINE);
		if (budget == null) {
			return Long.MAX_VALUE;
		}
		if (!budget.matches("[0-9]{1,12}")) {
			throw new ProblemException(ProblemType.INVALID_HEADER,
					NodeProtocol.DEADLINE + " must be a whole number of milliseconds, not '" + budget + "'.");
		}
		return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(budget));
	}

	private static Preconditions preconditions(HttpServerRequest request) {
		return Preconditions.parse(request.requestHeaders().getAll(HttpHeaderNames.IF_MATCH),
				request.requestHeaders().getAll(HttpHeaderNames.IF_NONE_MATCH));
	}

	private static ListQuery listQuery(Map<String, List<String>> parameters) {
		for (String name : parameters.keySet()) {
			if (!List.of("prefix", "limit", "after").contains(name)) {
				throw new ProblemException(ProblemType.INVALID_PARAMETER,
						"A listing takes prefix, limit and after; not " + name + ".");
			}
		}
		ListQuery parsed = ListQuery.parse(single(parameters, "prefix"), single(parameters, "limit"), null);
		String after = single(parameters, "after");
		if (after != null && !ObjectKey.isValid(after)) {
			throw new ProblemException(ProblemType.INVALID_PARAMETER, "after must be a key.");
		}
		return new ListQuery(parsed.prefix(), parsed.limit(), after);
	}

	private static String single(Map<String, List<String>> parameters, String name) {
		List<String> values = parameters.get(name);
		if (values == null) {
			return null;
		}
		if (values.size() > 1) {
			throw new ProblemException(ProblemType.INVALID_PARAMETER, name + " must be given at most once.");
		}
		return values.get(0);
	}

	private static long parseLength(String value) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new ProblemException(ProblemType.MALFORMED_REQUEST, "Content-Length is not a number.");
		}
	}

	private static ProblemException notAllowed(HttpMethod method, String allowed) {
		return new ProblemException(ProblemType.METHOD_NOT_ALLOWED,
				"This resource of the storage node answers " + allowed + ", not " + method.name() + ".");
	}

	private Answer problem(ProblemException problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.type().uri().toString());
		body.put("title", problem.type().title());
		body.put("status", problem.type().status());
		body.put("detail", problem.detail());
		return new Answer(problem.type().status(), toJson(body), NodeProtocol.PROBLEM_JSON, usage());
	}

	private byte[] toJson(Object value) {
		return this.json.writeValueAsBytes(value);
	}

	private static Mono<Void> write(HttpServerResponse response, Answer answer) {
		response.status(answer.status);
		answer.headers.forEach(response::header);
		if (answer.status == 204) {
			return response.send();
		}
		if (answer.contentType != null) {
			response.header(HttpHeaderNames.CONTENT_TYPE, answer.contentType);
		}
		response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(answer.body.length));
		return response.sendByteArray(Mono.just(answer.body)).then();
	}

	private record Answer(int status, byte[] body, String contentType, Map<String, String> headers) {

		@Override
		public String toString() {
			return "Answer[" + this.status + "]";
		}

	}

}
