package dev.iomodels.system.reliability;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.iomodels.harness.PrometheusScrape;
import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import dev.iomodels.system.RawHttpAccess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overload, on each real jar with the fair JVM flags (512 MiB of heap): ten times more
 * requests at once than the bound of admitted requests, each of them held by 200 ms of
 * emulated storage latency. Every answer must be a 2xx or a 503 {@code overloaded} with
 * {@code Retry-After}; health must answer on the management port all along; and the heap
 * must stay under 90 % of its maximum, read from the service's own Prometheus endpoint
 * (so the ceiling follows the heap size, not a timing). The figures go into
 * {@code docs/reliability.md}.
 */
class OverloadIT {

	private static final int BOUND = 100;

	private static final int REQUESTS = BOUND * 10;

	private static final int BODY_SIZE = 64 * 1024;

	@ParameterizedTest
	@ValueSource(strings = { "classic", "loom", "webflux" })
	void farMoreRequestsThanTheBoundGetOnly2xxOr503WhileHealthAnswersAndTheHeapStaysBounded(String name)
			throws Exception {
		Service service = Service.named(name);
		Path root = Path.of(System.getProperty("project.root"));
		try (ServiceProcess running = ServiceProcess.start(service,
				service.jar(root, System.getProperty("project.version")),
				Map.of("iomodels.server.max-concurrent-requests", String.valueOf(BOUND), "storage.emulated-latency",
						"200ms", "storage.max-bytes", "256MB"),
				Path.of("target", "service-logs"));
				HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
				ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			double maxHeap = PrometheusScrape.of(client, running.management())
				.sum("jvm_memory_max_bytes", Map.of("area", "heap"));
			AtomicBoolean flooding = new AtomicBoolean(true);
			AtomicInteger healthAnswered = new AtomicInteger();
			AtomicInteger healthAsked = new AtomicInteger();
			double[] peakHeap = { 0 };
			Future<?> watch = executor.submit(() -> {
				while (flooding.get()) {
					healthAsked.incrementAndGet();
					HttpResponse<String> health = client
						.send(HttpRequest.newBuilder(running.management().resolve("/actuator/health"))
							.timeout(Duration.ofSeconds(5))
							.build(), HttpResponse.BodyHandlers.ofString());
					if (health.statusCode() == 200) {
						healthAnswered.incrementAndGet();
					}
					double heap = PrometheusScrape.of(client, running.management())
						.sum("jvm_memory_used_bytes", Map.of("area", "heap"));
					peakHeap[0] = Math.max(peakHeap[0], heap);
					Thread.sleep(100);
				}
				return null;
			});
			CountDownLatch start = new CountDownLatch(1);
			List<Future<RawHttpAccess.Reply>> replies = new ArrayList<>();
			byte[] body = new byte[BODY_SIZE];
			for (int i = 0; i < REQUESTS; i++) {
				byte[] request = request(i, body);
				String method = (i % 2 == 0) ? "PUT" : "GET";
				replies.add(executor.submit(() -> {
					start.await();
					return RawHttpAccess.exchange(running.api(), request, method, 30_000);
				}));
			}
			start.countDown();
			int ok = 0;
			int refused = 0;
			List<String> unexpected = new ArrayList<>();
			for (Future<RawHttpAccess.Reply> future : replies) {
				RawHttpAccess.Reply reply = future.get();
				if (reply.status() >= 200 && reply.status() < 300 || reply.status() == 404) {
					ok++;
				}
				else if (reply.status() == 503 && "1".equals(reply.retryAfter())
						&& reply.body().contains("\"type\":\"urn:io-models:problem:overloaded\"")) {
					refused++;
				}
				else {
					unexpected.add(reply.status() + " " + reply.body());
				}
			}
			flooding.set(false);
			watch.get();
			System.out.printf(
					"OverloadIT %s: %d requests at once against a bound of %d: %d answered (2xx, or 404 for a GET "
							+ "before its PUT), %d refused 503 overloaded; health answered %d of %d; "
							+ "peak heap %.0f MiB of %.0f MiB%n",
					name, REQUESTS, BOUND, ok, refused, healthAnswered.get(), healthAsked.get(),
					peakHeap[0] / 1024 / 1024, maxHeap / 1024 / 1024);
			assertThat(unexpected).as("answers other than 2xx, 404 and 503 overloaded").isEmpty();
			assertThat(refused).as("refused").isPositive();
			assertThat(ok).as("served").isPositive();
			assertThat(healthAnswered.get()).as("health answers").isPositive().isEqualTo(healthAsked.get());
			assertThat(peakHeap[0]).as("peak heap against 90 %% of the maximum").isLessThan(maxHeap * 0.9);
		}
	}

	private static byte[] request(int i, byte[] body) {
		// Half PUTs of 64 KiB, half GETs of the key just written; a GET may come before
		// its PUT and find nothing (404), which is an answer like any other.
		String key = "overload-" + (i / 2);
		if (i % 2 == 0) {
			byte[] head = ("PUT /api/v1/objects/" + key + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
					+ body.length + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1);
			byte[] request = new byte[head.length + body.length];
			System.arraycopy(head, 0, request, 0, head.length);
			System.arraycopy(body, 0, request, head.length, body.length);
			return request;
		}
		return ("GET /api/v1/objects/" + key + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
	}

}
