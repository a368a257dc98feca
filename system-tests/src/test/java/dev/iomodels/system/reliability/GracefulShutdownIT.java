package dev.iomodels.system.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.iomodels.harness.PrometheusScrape;
import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import dev.iomodels.system.RawHttpAccess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graceful shutdown, on each real jar: {@value #WRITES} PUTs are held in flight by
 * {@value #LATENCY_MILLIS} ms of emulated storage latency when the process gets SIGTERM
 * (as from {@code docker stop} or Kubernetes). Every one of them must still be answered
 * 201, each with the ETag of exactly the bytes sent, which the service computes from what
 * it stored (so no acknowledged write is torn); a request sent after the signal must not
 * be served; and the process must exit by itself.
 */
class GracefulShutdownIT {

	private static final int WRITES = 20;

	private static final int LATENCY_MILLIS = 3000;

	@ParameterizedTest
	@ValueSource(strings = { "classic", "loom", "webflux" })
	void sigtermLetsInFlightWritesFinishWholeAndRefusesNewOnes(String name) throws Exception {
		Service service = Service.named(name);
		Path root = Path.of(System.getProperty("project.root"));
		ServiceProcess running = ServiceProcess.start(service, service.jar(root, System.getProperty("project.version")),
				Map.of("storage.emulated-latency", LATENCY_MILLIS + "ms"), Path.of("target", "service-logs"));
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
				ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<byte[]> bodies = new ArrayList<>();
			List<Future<RawHttpAccess.Reply>> writes = new ArrayList<>();
			for (int i = 0; i < WRITES; i++) {
				byte[] body = new byte[32 * 1024];
				ThreadLocalRandom.current().nextBytes(body);
				bodies.add(body);
				byte[] request = put("shutdown-" + i, body);
				writes.add(executor.submit(() -> RawHttpAccess.exchange(running.api(), request, "PUT", 60_000)));
			}
			awaitInFlight(client, running, WRITES);
			ProcessHandle process = ProcessHandle.of(running.pid()).orElseThrow();
			assertThat(process.destroy()).as("SIGTERM sent").isTrue();
			// Give the server a moment to stop accepting, then try to get in.
			Thread.sleep(500);
			assertThat(served(running)).as("a request sent after SIGTERM is served").isFalse();
			int acknowledged = 0;
			for (int i = 0; i < WRITES; i++) {
				RawHttpAccess.Reply reply = writes.get(i).get(60, TimeUnit.SECONDS);
				assertThat(reply.status()).as("write %d in flight at SIGTERM: %s", i, reply.body()).isEqualTo(201);
				assertThat(reply.body()).as("write %d is acknowledged with the ETag of all its bytes", i)
					.contains("\"etag\":\"\\\"" + sha256(bodies.get(i)) + "\\\"\"")
					.contains("\"size\":" + bodies.get(i).length);
				acknowledged++;
			}
			assertThat(process.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
			System.out.printf(
					"GracefulShutdownIT %s: %d of %d writes in flight at SIGTERM acknowledged whole, "
							+ "none lost or torn; a new request was refused; the process exited%n",
					name, acknowledged, WRITES);
		}
		finally {
			running.close();
		}
	}

	private static void awaitInFlight(HttpClient client, ServiceProcess running, int count) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		double inFlight = 0;
		while (System.nanoTime() < deadline) {
			inFlight = PrometheusScrape.of(client, running.management()).sum("http_server_requests_in_flight");
			if (inFlight >= count) {
				// Exactly the held writes, on each of the three: the in-flight gauge has
				// one definition (API requests from the first filter on), and the scrape
				// that reads it, on the management port, is not one of them.
				assertThat(inFlight).as("http_server_requests_in_flight with %d writes held", count).isEqualTo(count);
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("Only " + inFlight + " of " + count + " writes in flight");
	}

	/**
	 * Tell whether the API still serves a request: a refused or reset connection, or a
	 * connection closed without an answer, all mean no.
	 */
	private static boolean served(ServiceProcess running) {
		try (Socket probe = new Socket()) {
			probe.connect(new InetSocketAddress(running.api().getHost(), running.api().getPort()), 2000);
		}
		catch (IOException refused) {
			return false;
		}
		try {
			RawHttpAccess.Reply reply = RawHttpAccess.exchange(running.api(),
					"GET /api/v1/info HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
						.getBytes(StandardCharsets.ISO_8859_1),
					"GET", 2000);
			return reply.status() == 200;
		}
		catch (IOException | RuntimeException notServed) {
			return false;
		}
	}

	private static byte[] put(String key, byte[] body) {
		byte[] head = ("PUT /api/v1/objects/" + key + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
				+ "application/octet-stream\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		byte[] request = new byte[head.length + body.length];
		System.arraycopy(head, 0, request, 0, head.length);
		System.arraycopy(body, 0, request, head.length, body.length);
		return request;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
