package dev.iomodels.remote;

import java.time.Duration;
import java.util.function.Function;

import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectPage;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.ReactiveObjectStore;
import dev.iomodels.storage.RequestDeadline;
import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.StorageStats;
import dev.iomodels.storage.StoredObject;
import dev.iomodels.storage.WriteResult;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The reactive port over the storage node: {@link WebClient} on Reactor Netty. No thread
 * waits: a request waiting for a connection is an entry in the pool's queue, one waiting
 * for the node's answer is a registered socket, and the answer is handled on the event
 * loop that reads it.
 */
public final class ReactiveRemoteObjectStore implements ReactiveObjectStore {

	private static final byte[] EMPTY = new byte[0];

	private final WebClient client;

	private final NodeMessages messages = new NodeMessages();

	private final NodeFaults faults;

	private final StorageLimits limits;

	private final Duration responseTimeout;

	private final Duration operationTimeout;

	ReactiveRemoteObjectStore(WebClient client, RemoteStorageProperties properties, StorageLimits limits,
			Duration operationTimeout) {
		this.client = client;
		// A log line is console or file I/O: never written on the event loop.
		this.faults = new NodeFaults((task) -> Schedulers.boundedElastic().schedule(task),
				properties.clientReadTimeout());
		this.limits = limits;
		this.responseTimeout = properties.responseTimeout();
		this.operationTimeout = operationTimeout;
	}

	@Override
	public Mono<StoredObject> get(ObjectKey key) {
		return exchange(
				(budget) -> this.client.get()
					.uri(NodeMessages.OBJECT_PATH, key.value())
					.headers((headers) -> NodeMessages.write(headers, Preconditions.NONE, budget)),
				(response) -> body(response).flatMap((body) -> (response.statusCode().value() == 200)
						? Mono.just(this.messages.object(key.value(), response.headers().asHttpHeaders(), body))
						: Mono.error(this.messages.refusal(response.statusCode().value(), body))));
	}

	@Override
	public Mono<WriteResult> put(ObjectKey key, byte[] content, String contentType, Preconditions preconditions) {
		return Mono.defer(() -> {
			this.limits.checkObjectSize(content.length);
			return exchange(
					(budget) -> this.client.put().uri(NodeMessages.OBJECT_PATH, key.value()).headers((headers) -> {
						headers.set(HttpHeaders.CONTENT_TYPE, contentType);
						headers.setContentLength(content.length);
						NodeMessages.write(headers, preconditions, budget);
					}).body((message, context) -> message.writeWith(Mono.just(message.bufferFactory().wrap(content)))),
					(response) -> body(response).flatMap((body) -> {
						int status = response.statusCode().value();
						return (status == 200 || status == 201)
								? Mono.just(new WriteResult(this.messages.metadata(body), status == 201))
								: Mono.error(this.messages.refusal(status, body));
					}));
		});
	}

	@Override
	public Mono<Void> delete(ObjectKey key, Preconditions preconditions) {
		return exchange(
				(budget) -> this.client.delete()
					.uri(NodeMessages.OBJECT_PATH, key.value())
					.headers((headers) -> NodeMessages.write(headers, preconditions, budget)),
				(response) -> body(response)
					.flatMap((body) -> (response.statusCode().value() == 204) ? Mono.just(Boolean.TRUE)
							: Mono.error(this.messages.refusal(response.statusCode().value(), body))))
			.then();
	}

	@Override
	public Mono<ObjectPage> list(ListQuery query) {
		return exchange(
				(budget) -> this.client.get()
					.uri((builder) -> RemoteObjectStore.listing(builder, query))
					.headers((headers) -> NodeMessages.write(headers, Preconditions.NONE, budget)),
				(response) -> body(response)
					.flatMap((body) -> (response.statusCode().value() == 200) ? Mono.just(this.messages.page(body))
							: Mono.error(this.messages.refusal(response.statusCode().value(), body))));
	}

	@Override
	public StorageStats stats() {
		return this.messages.usage();
	}

	@Override
	public StorageLimits limits() {
		return this.limits;
	}

	@Override
	public String backend() {
		return "remote";
	}

	private <T> Mono<T> exchange(Function<Duration, WebClient.RequestHeadersSpec<?>> request,
			Function<ClientResponse, Mono<T>> answer) {
		return Mono.deferContextual((context) -> {
			Duration limit = context.getOrDefault(RequestDeadline.CONTEXT_KEY, RequestDeadline.none())
				.limit(this.operationTimeout);
			Duration budget = (limit != null && limit.compareTo(this.responseTimeout) < 0) ? limit
					: this.responseTimeout;
			if (budget.toMillis() < 1) {
				return Mono.error(new ProblemException(ProblemType.STORAGE_TIMEOUT,
						"The request's time was used up before the storage was asked; nothing was changed."));
			}
			return request.apply(budget).exchangeToMono((response) -> {
				this.messages.noteUsage(response.headers().asHttpHeaders());
				return answer.apply(response);
			}).contextWrite((entries) -> entries.put(ReactiveClients.ACQUIRE_START, System.nanoTime()));
		}).onErrorMap((failure) -> this.faults.translate(failure));
	}

	private static Mono<byte[]> body(ClientResponse response) {
		return response.bodyToMono(byte[].class).defaultIfEmpty(EMPTY);
	}

}
