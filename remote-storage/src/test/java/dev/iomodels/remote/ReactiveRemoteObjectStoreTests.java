package dev.iomodels.remote;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.iomodels.node.NodeSettings;
import dev.iomodels.node.StorageNode;
import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.ReactiveObjectStore;
import dev.iomodels.storage.RequestDeadline;
import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.WriteResult;
import dev.iomodels.storage.latency.EmulatedLatency;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The reactive port against a real storage node: what the node answers, and what a node
 * that is down, slow or out of connections is answered, with the pool's meters.
 */
class ReactiveRemoteObjectStoreTests {

	private static final Duration VERY_SLOW = Duration.ofSeconds(60);

	private static StorageNode.Running node;

	private static StorageNode.Running slowNode;

	/**
	 * A node far slower than any stall of a loaded test machine, for the tests that a
	 * storage operation is answered at its deadline and not after the node's latency.
	 */
	private static StorageNode.Running verySlowNode;

	@BeforeAll
	static void startNodes() {
		node = StorageNode.start(NodeSettings.loopback());
		slowNode = StorageNode
			.start(NodeSettings.loopback().withLatency(new EmulatedLatency(Duration.ofSeconds(3), Duration.ZERO)));
		verySlowNode = StorageNode
			.start(NodeSettings.loopback().withLatency(new EmulatedLatency(VERY_SLOW, Duration.ZERO)));
	}

	@AfterAll
	static void stopNodes() {
		node.close();
		slowNode.close();
		verySlowNode.close();
	}

	@Test
	void storesReadsListsAndDeletesWithTheEnginesPreconditions() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ReactiveObjectStore store = store(RemoteObjectStoreTests.properties(node.url(),
				RemoteStorageProperties.Client.REACTOR, 10, Duration.ofSeconds(5)), registry);
		ObjectKey key = ObjectKey.of("reactive-a");
		WriteResult created = store.put(key, "one".getBytes(), "text/plain", Preconditions.CREATE_ONLY).block();
		assertThat(created.created()).isTrue();
		assertProblem(store.put(key, "two".getBytes(), "text/plain", Preconditions.CREATE_ONLY),
				ProblemType.PRECONDITION_FAILED);
		WriteResult replaced = store
			.put(key, "two".getBytes(), "text/plain", Preconditions.ifMatch(created.metadata().etag()))
			.block();
		assertThat(replaced.created()).isFalse();
		assertThat(store.get(key).block().content()).isEqualTo("two".getBytes());
		assertThat(store.list(new ListQuery("reactive-", 10, null)).block().items()).extracting((item) -> item.key())
			.containsExactly("reactive-a");
		store.delete(key, Preconditions.NONE).block();
		assertProblem(store.get(key), ProblemType.NOT_FOUND);
		// An object of the largest size is read back whole: more than WebClient buffers
		// by
		// default.
		byte[] largest = new byte[(int) StorageLimits.DEFAULTS.maxObjectSize()];
		largest[largest.length - 1] = 1;
		store.put(key, largest, "application/octet-stream", Preconditions.NONE).block();
		assertThat(store.get(key).block().content()).isEqualTo(largest);
		store.delete(key, Preconditions.NONE).block();
		assertThat(store.stats().objects()).isZero();
		assertThat(registry.get("storage.remote.connections.max").gauge().value()).isEqualTo(10);
		assertThat(registry.get("storage.remote.connections.acquire").tag("outcome", "success").timer().count())
			.isPositive();
	}

	@Test
	void aNodeThatIsDownIsAnswered503() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ReactiveObjectStore store = store(RemoteObjectStoreTests.properties("http://127.0.0.1:" + closedPort,
				RemoteStorageProperties.Client.REACTOR, 10, Duration.ofSeconds(5)), new SimpleMeterRegistry());
		assertProblem(store.get(ObjectKey.of("anything")), ProblemType.STORAGE_UNAVAILABLE);
	}

	@Test
	void aNodeSlowerThanTheRequestsBudgetIsAnswered504AndAppliesNothing() {
		ReactiveObjectStore store = store(RemoteObjectStoreTests.properties(slowNode.url(),
				RemoteStorageProperties.Client.REACTOR, 10, Duration.ofSeconds(5)), new SimpleMeterRegistry());
		ObjectKey key = ObjectKey.of("reactive-slow");
		// The request's own deadline, 300 ms away, is shorter than the response timeout.
		RequestDeadline deadline = RequestDeadline.start(Duration.ofMillis(300), java.time.Clock.systemUTC());
		assertProblem(store.put(key, "late".getBytes(), "text/plain", Preconditions.NONE)
			.contextWrite(Context.of(RequestDeadline.CONTEXT_KEY, deadline)), ProblemType.STORAGE_TIMEOUT);
		// Read back once the node's latency has passed: nothing was applied.
		assertProblem(store.get(key), ProblemType.NOT_FOUND);
		// Answered at the deadline, not after the node's latency: against a node of a
		// minute, within half of it however loaded the machine is.
		ReactiveObjectStore hurried = store(RemoteObjectStoreTests.properties(verySlowNode.url(),
				RemoteStorageProperties.Client.REACTOR, 10, Duration.ofSeconds(5)), new SimpleMeterRegistry());
		RequestDeadline soon = RequestDeadline.start(Duration.ofMillis(300), java.time.Clock.systemUTC());
		long start = System.nanoTime();
		assertProblem(
				hurried.put(ObjectKey.of("reactive-very-slow"), "late".getBytes(), "text/plain", Preconditions.NONE)
					.contextWrite(Context.of(RequestDeadline.CONTEXT_KEY, soon)),
				ProblemType.STORAGE_TIMEOUT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(VERY_SLOW.dividedBy(2));
	}

	@Test
	void requestsBeyondTheConnectionsAndTheirQueueAreAnswered503() {
		RemoteStorageProperties properties = new RemoteStorageProperties(URI.create(slowNode.url()),
				RemoteStorageProperties.Client.REACTOR, 2, 1, Duration.ofMillis(500), Duration.ofSeconds(20),
				Duration.ofSeconds(2), Duration.ofSeconds(5));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ReactiveObjectStore store = store(properties, registry);
		List<ProblemType> types = Flux.range(0, 6)
			.flatMap((i) -> store.get(ObjectKey.of("queued"))
				.map((object) -> ProblemType.INTERNAL_ERROR)
				.onErrorResume(ProblemException.class, (ex) -> Mono.just(ex.type())))
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(types).filteredOn((type) -> type == ProblemType.NOT_FOUND).hasSize(2);
		assertThat(types).filteredOn((type) -> type == ProblemType.STORAGE_UNAVAILABLE).hasSize(4);
		assertThat(registry.get("storage.remote.connections.max").gauge().value()).isEqualTo(2);
		assertThat(registry.get("storage.remote.connections.active").gauge().value()).isZero();
		assertThat(registry.get("storage.remote.connections.pending").gauge().value()).isZero();
	}

	private static ReactiveObjectStore store(RemoteStorageProperties properties, SimpleMeterRegistry registry) {
		ConnectionProvider provider = ReactiveClients.provider(properties, registry);
		return new ReactiveRemoteObjectStore(
				ReactiveClients.webClient(properties, provider, registry, StorageLimits.DEFAULTS.maxObjectSize()),
				properties, StorageLimits.DEFAULTS, Duration.ofSeconds(10));
	}

	private static void assertProblem(Mono<?> call, ProblemType type) {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> call.block(Duration.ofSeconds(10)))
			.satisfies((ex) -> assertThat(ex.type()).as(ex.detail()).isEqualTo(type));
	}

}
