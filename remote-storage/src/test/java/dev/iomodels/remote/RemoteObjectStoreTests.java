package dev.iomodels.remote;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import dev.iomodels.node.NodeSettings;
import dev.iomodels.node.StorageNode;
import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.RequestDeadline;
import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.WriteResult;
import dev.iomodels.storage.latency.EmulatedLatency;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The blocking port against a real storage node, on each of the three clients: what the
 * node answers, and what a node that is down, slow or out of connections is answered.
 */
class RemoteObjectStoreTests {

	private static final StorageLimits LIMITS = StorageLimits.DEFAULTS;

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

	@ParameterizedTest
	@EnumSource(RemoteStorageProperties.Client.class)
	void storesReadsListsAndDeletesWithTheEnginesPreconditions(RemoteStorageProperties.Client client) {
		ObjectStore store = store(properties(node.url(), client, 10, Duration.ofSeconds(5)), new SimpleMeterRegistry());
		String prefix = "blocking-" + client.id() + "-";
		ObjectKey key = ObjectKey.of(prefix + "a");
		WriteResult created = store.put(key, "one".getBytes(), "text/plain", Preconditions.CREATE_ONLY);
		assertThat(created.created()).isTrue();
		assertThat(created.metadata().size()).isEqualTo(3);
		assertProblem(() -> store.put(key, "two".getBytes(), "text/plain", Preconditions.CREATE_ONLY),
				ProblemType.PRECONDITION_FAILED);
		WriteResult replaced = store.put(key, "two".getBytes(), "text/plain",
				Preconditions.ifMatch(created.metadata().etag()));
		assertThat(replaced.created()).isFalse();
		assertThat(replaced.metadata().created()).isEqualTo(created.metadata().created());
		var read = store.get(key);
		assertThat(read.content()).isEqualTo("two".getBytes());
		assertThat(read.metadata()).isEqualTo(replaced.metadata());
		store.put(ObjectKey.of(prefix + "b"), new byte[0], "application/octet-stream", Preconditions.NONE);
		var page = store.list(new ListQuery(prefix, 1, null));
		assertThat(page.items()).extracting((item) -> item.key()).containsExactly(prefix + "a");
		assertThat(page.nextCursor()).isNotNull();
		assertThat(store.list(new ListQuery(prefix, 10, prefix + "a")).items()).extracting((item) -> item.key())
			.containsExactly(prefix + "b");
		assertThat(store.get(ObjectKey.of(prefix + "b")).content()).isEmpty();
		assertProblem(() -> store.delete(key, Preconditions.ifMatch(created.metadata().etag())),
				ProblemType.PRECONDITION_FAILED);
		store.delete(key, Preconditions.NONE);
		store.delete(ObjectKey.of(prefix + "b"), Preconditions.NONE);
		assertProblem(() -> store.get(key), ProblemType.NOT_FOUND);
		byte[] largest = new byte[(int) LIMITS.maxObjectSize()];
		largest[largest.length - 1] = 1;
		store.put(key, largest, "application/octet-stream", Preconditions.NONE);
		assertThat(store.get(key).content()).isEqualTo(largest);
		store.delete(key, Preconditions.NONE);
		assertThat(store.stats().objects()).isZero();
		assertThat(store.backend()).isEqualTo("remote");
	}

	@ParameterizedTest
	@EnumSource(RemoteStorageProperties.Client.class)
	void aNodeThatIsDownIsAnswered503(RemoteStorageProperties.Client client) throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ObjectStore store = store(properties("http://127.0.0.1:" + closedPort, client, 10, Duration.ofSeconds(5)),
				new SimpleMeterRegistry());
		assertProblem(() -> store.get(ObjectKey.of("anything")), ProblemType.STORAGE_UNAVAILABLE);
		assertProblem(() -> store.put(ObjectKey.of("anything"), new byte[1], "text/plain", Preconditions.NONE),
				ProblemType.STORAGE_UNAVAILABLE);
	}

	@ParameterizedTest
	@EnumSource(RemoteStorageProperties.Client.class)
	void aNodeSlowerThanTheResponseTimeoutIsAnswered504AndAppliesNothing(RemoteStorageProperties.Client client) {
		ObjectStore store = store(properties(slowNode.url(), client, 10, Duration.ofMillis(300)),
				new SimpleMeterRegistry());
		ObjectKey key = ObjectKey.of("slow-" + client.id());
		assertProblem(() -> store.put(key, "late".getBytes(), "text/plain", Preconditions.NONE),
				ProblemType.STORAGE_TIMEOUT);
		// Read back with a budget longer than the node's latency: the write was never
		// applied, not even once the latency had passed.
		ObjectStore patient = store(properties(slowNode.url(), client, 10, Duration.ofSeconds(5)),
				new SimpleMeterRegistry());
		assertProblem(() -> patient.get(key), ProblemType.NOT_FOUND);
		// Answered at the deadline, not after the node's latency: against a node of a
		// minute, within half of it however loaded the machine is.
		ObjectStore hurried = store(properties(verySlowNode.url(), client, 10, Duration.ofMillis(300)),
				new SimpleMeterRegistry());
		long start = System.nanoTime();
		assertProblem(() -> hurried.put(ObjectKey.of("very-slow-" + client.id()), "late".getBytes(), "text/plain",
				Preconditions.NONE), ProblemType.STORAGE_TIMEOUT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(VERY_SLOW.dividedBy(2));
	}

	@ParameterizedTest
	@EnumSource(RemoteStorageProperties.Client.class)
	void requestsBeyondTheConnectionsAndTheirQueueAreAnswered503(RemoteStorageProperties.Client client)
			throws Exception {
		RemoteStorageProperties properties = new RemoteStorageProperties(URI.create(slowNode.url()), client, 2, 1,
				Duration.ofMillis(500), Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(5));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ObjectStore store = store(properties, registry);
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<CompletableFuture<ProblemType>> outcomes = new java.util.ArrayList<>();
			for (int i = 0; i < 6; i++) {
				outcomes.add(CompletableFuture.supplyAsync(() -> {
					try {
						store.get(ObjectKey.of("queued"));
						return null;
					}
					catch (ProblemException ex) {
						return ex.type();
					}
				}, threads));
			}
			List<ProblemType> types = outcomes.stream().map(CompletableFuture::join).toList();
			// Two hold the connections and wait for the slow node's 404; the others are
			// refused at once (the queue holds one) or after the 500 ms wait for one.
			assertThat(types).filteredOn((type) -> type == ProblemType.NOT_FOUND).hasSize(2);
			assertThat(types).filteredOn((type) -> type == ProblemType.STORAGE_UNAVAILABLE).hasSize(4);
		}
		assertThat(registry.get("storage.remote.connections.max").gauge().value()).isEqualTo(2);
		assertThat(registry.get("storage.remote.connections.active").gauge().value()).isZero();
		assertThat(registry.get("storage.remote.connections.pending").gauge().value()).isZero();
		assertThat(registry.get("storage.remote.connections.acquire").tag("outcome", "success").timer().count())
			.isEqualTo(2);
		assertThat(registry.get("storage.remote.connections.acquire").tag("outcome", "failure").timer().count())
			.isEqualTo(4);
	}

	static RemoteStorageProperties properties(String url, RemoteStorageProperties.Client client, int maxConnections,
			Duration responseTimeout) {
		return new RemoteStorageProperties(URI.create(url), client, maxConnections, 100, Duration.ofSeconds(2),
				Duration.ofSeconds(20), Duration.ofSeconds(2), responseTimeout);
	}

	private static ObjectStore store(RemoteStorageProperties properties, SimpleMeterRegistry registry) {
		ClientHttpRequestFactory factory = BlockingClients.create(properties);
		RestClient client = RestClient.builder().baseUrl(properties.url().toString()).requestFactory(factory).build();
		return new RemoteObjectStore(client, new ConnectionLimit(properties, registry), properties, LIMITS,
				Duration.ofSeconds(10), RequestDeadline::none);
	}

	private static void assertProblem(Runnable call, ProblemType type) {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.type()).as(ex.detail()).isEqualTo(type));
	}

}
