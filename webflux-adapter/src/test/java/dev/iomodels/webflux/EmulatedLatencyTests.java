package dev.iomodels.webflux;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ReactiveObjectStore;
import dev.iomodels.testing.ConcurrentLoad;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.ReactorResourceFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes this service "event-loop": a request that waits for storage is a timer
 * entry, not a thread, so many requests wait at once on the same few event-loop threads.
 * Only lower bounds on time are asserted; the machine is shared.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "storage.emulated-latency=200ms", "management.server.port=0" })
class EmulatedLatencyTests {

	private static final Duration LATENCY = Duration.ofMillis(200);

	@LocalServerPort
	private int port;

	@Autowired
	private ReactiveObjectStore store;

	@Autowired
	private ReactorResourceFactory resources;

	@Test
	void requestsWaitingForStorageShareTheEventLoopThreads() throws Exception {
		this.store.put(ObjectKey.of("latency-probe"), new byte[] { 1 }, "application/octet-stream", Preconditions.NONE)
			.block(Duration.ofSeconds(10));
		URI uri = URI.create("http://localhost:" + this.port + "/api/v1/objects/latency-probe");

		long single = System.nanoTime();
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<Void> response = client.send(
					HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.discarding());
			assertThat(response.statusCode()).isEqualTo(200);
		}
		assertThat(Duration.ofNanos(System.nanoTime() - single)).isGreaterThanOrEqualTo(LATENCY);

		// Other test classes' servers (cached contexts) have event loops of their own:
		// count this server's loops, and any thread of that kind started during the load.
		Set<Thread> ownLoops = ownEventLoopThreads();
		Set<Thread> before = eventLoopThreads();
		long start = System.nanoTime();
		ConcurrentLoad.Result result = ConcurrentLoad.getConcurrently(uri, 50, Duration.ofSeconds(60),
				() -> ownLoops.size() + (int) eventLoopThreads().stream()
					.filter((thread) -> !before.contains(thread) && !ownLoops.contains(thread))
					.count());
		Duration batch = Duration.ofNanos(System.nanoTime() - start);

		assertThat(result.statuses()).hasSize(50).containsOnly(200);
		assertThat(batch).isGreaterThanOrEqualTo(LATENCY);
		// No thread per request: the event loops are all the server has.
		assertThat(result.maxSample()).isLessThanOrEqualTo(LoopResources.DEFAULT_IO_WORKER_COUNT);
	}

	private Set<Thread> ownEventLoopThreads() throws Exception {
		Set<Thread> threads = new HashSet<>();
		for (EventExecutor loop : this.resources.getLoopResources().onServer(true)) {
			threads.add(loop.submit(Thread::currentThread).get(10, TimeUnit.SECONDS));
		}
		return threads;
	}

	private static Set<Thread> eventLoopThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith("reactor-http-"))
			.collect(Collectors.toSet());
	}

}
