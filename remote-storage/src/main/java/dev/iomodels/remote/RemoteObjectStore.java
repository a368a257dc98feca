package dev.iomodels.remote;

import java.time.Duration;
import java.util.function.Supplier;

import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectPage;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.RequestDeadline;
import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.StorageStats;
import dev.iomodels.storage.StoredObject;
import dev.iomodels.storage.WriteResult;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ExchangeFunction;
import org.springframework.web.util.UriBuilder;

/**
 * The blocking port over the storage node: Spring's {@link RestClient} on the request
 * factory that {@code storage.remote.client} names. The calling thread waits for a
 * connection ({@link ConnectionLimit}) and then for the node's answer on its socket: a
 * platform thread is held for the whole round trip, a virtual thread unmounts while the
 * client waits (how each client waits decides whether it can). The Content-Type and the
 * bytes go to the node as they are, past Spring's message converters, which would parse
 * and rewrite the one and copy the other.
 */
public final class RemoteObjectStore implements ObjectStore {

	private final RestClient client;

	private final ConnectionLimit connections;

	private final NodeMessages messages = new NodeMessages();

	private final NodeFaults faults;

	private final StorageLimits limits;

	private final Duration responseTimeout;

	private final Duration operationTimeout;

	private final Supplier<RequestDeadline> deadlines;

	RemoteObjectStore(RestClient client, ConnectionLimit connections, RemoteStorageProperties properties,
			StorageLimits limits, Duration operationTimeout, Supplier<RequestDeadline> deadlines) {
		this.client = client;
		this.connections = connections;
		this.faults = new NodeFaults(Runnable::run, properties.clientReadTimeout());
		this.limits = limits;
		this.responseTimeout = properties.responseTimeout();
		this.operationTimeout = operationTimeout;
		this.deadlines = deadlines;
	}

	@Override
	public StoredObject get(ObjectKey key) {
		return exchange(this.client.get().uri(NodeMessages.OBJECT_PATH, key.value()), Preconditions.NONE,
				(request, response) -> {
					byte[] body = response.getBody().readAllBytes();
					if (response.getStatusCode().value() != 200) {
						throw this.messages.refusal(response.getStatusCode().value(), body);
					}
					return this.messages.object(key.value(), response.getHeaders(), body);
				});
	}

	@Override
	public WriteResult put(ObjectKey key, byte[] content, String contentType, Preconditions preconditions) {
		this.limits.checkObjectSize(content.length);
		return exchange(this.client.put()
			.uri(NodeMessages.OBJECT_PATH, key.value())
			.header(HttpHeaders.CONTENT_TYPE, contentType)
			.contentLength(content.length)
			.body((output) -> output.write(content)), preconditions, (request, response) -> {
				int status = response.getStatusCode().value();
				byte[] body = response.getBody().readAllBytes();
				if (status != 200 && status != 201) {
					throw this.messages.refusal(status, body);
				}
				return new WriteResult(this.messages.metadata(body), status == 201);
			});
	}

	@Override
	public void delete(ObjectKey key, Preconditions preconditions) {
		exchange(this.client.delete().uri(NodeMessages.OBJECT_PATH, key.value()), preconditions,
				(request, response) -> {
					if (response.getStatusCode().value() != 204) {
						throw this.messages.refusal(response.getStatusCode().value(),
								response.getBody().readAllBytes());
					}
					return null;
				});
	}

	@Override
	public ObjectPage list(ListQuery query) {
		return exchange(this.client.get().uri((builder) -> listing(builder, query)), Preconditions.NONE,
				(request, response) -> {
					byte[] body = response.getBody().readAllBytes();
					if (response.getStatusCode().value() != 200) {
						throw this.messages.refusal(response.getStatusCode().value(), body);
					}
					return this.messages.page(body);
				});
	}

	static java.net.URI listing(UriBuilder builder, ListQuery query) {
		builder.path("/objects").queryParam("prefix", query.prefix()).queryParam("limit", query.limit());
		if (query.after() != null) {
			builder.queryParam("after", query.after());
		}
		return builder.build();
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

	private <T> T exchange(RestClient.RequestHeadersSpec<?> spec, Preconditions preconditions,
			ExchangeFunction<T> answer) {
		Duration budget = budget();
		this.connections.acquire();
		try {
			return spec.headers((headers) -> NodeMessages.write(headers, preconditions, budget))
				.exchange((request, response) -> {
					this.messages.noteUsage(response.getHeaders());
					return answer.exchange(request, response);
				});
		}
		catch (ProblemException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw this.faults.translateBlocking(ex);
		}
		finally {
			this.connections.release();
		}
	}

	/**
	 * Return the operation's budget at the node: the response timeout, cut to the storage
	 * operation timeout or what is left of the request's own budget.
	 */
	private Duration budget() {
		Duration limit = this.deadlines.get().limit(this.operationTimeout);
		Duration budget = (limit != null && limit.compareTo(this.responseTimeout) < 0) ? limit : this.responseTimeout;
		if (budget.toMillis() < 1) {
			throw new ProblemException(ProblemType.STORAGE_TIMEOUT,
					"The request's time was used up before the storage was asked; nothing was changed.");
		}
		return budget;
	}

}
