package dev.iomodels.system.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.iomodels.harness.PrometheusScrape;
import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow clients (slowloris) on each real jar.
 * <ul>
 * <li>With a 2 s connection and keep-alive timeout: a client that sends half a request
 * head and then nothing, one that sends half a body and then nothing, and one that keeps
 * an idle connection after its answer, each has its connection closed. The client waits
 * up to 30 s, far longer than the timeout, so only a server that never closes fails.</li>
 * <li>With a 2 s request-head timeout (and the 20 s silence timeout left as it is): a
 * head trickled a byte every 200 ms, or half a head and then silence, is answered 408
 * {@code request-timeout} and closed within twice the head timeout of its first byte, and
 * counted; a head sent as slowly that completes in time is served.</li>
 * <li>2,000 clients that trickle heads and reconnect whenever they are cut off, against
 * 1,000 connections at most: normal requests, each on a new connection, are still served.
 * Without the head deadline the tricklers would hold every connection for good and no
 * normal request would be accepted at all.</li>
 * <li>With a 2 s response-write timeout: a client that asks for 32 MiB and reads none of
 * it is cut off, counted, and its request ends (no request left in flight, so classic's
 * platform thread is free again).</li>
 * </ul>
 * Everything is on loopback and bounded in count and time.
 */
class SlowClientIT {

	private static final int CLIENT_PATIENCE_MILLIS = 30_000;

	private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(2);

	private static final int TRICKLERS = 2000;

	private static final int MAX_CONNECTIONS = 1000;

	private static final Duration TRICKLING = Duration.ofSeconds(16);

	private static final String SLOW_HEAD = "GET /api/v1/info HTTP/1.1\r\nHost: localhost\r\nX-Slow: ";

	@ParameterizedTest
	@ValueSource(strings = { "classic", "loom", "webflux" })
	void aClientThatStopsSendingOrIdlesHasItsConnectionClosed(String name) throws Exception {
		try (ServiceProcess running = start(name,
				Map.of("iomodels.server.connection-timeout", "2s", "iomodels.server.keep-alive-timeout", "2s"))) {
			assertThat(closedAfterSending(running, SLOW_HEAD)).as("%s: half a request head, then silence", name)
				.isTrue();
			assertThat(closedAfterSending(running,
					"PUT /api/v1/objects/slow HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\nonly part"))
				.as("%s: half a body, then silence", name)
				.isTrue();
			assertThat(closedAfterSending(running, "GET /api/v1/info HTTP/1.1\r\nHost: localhost\r\n\r\n"))
				.as("%s: a whole request, its answer, then an idle keep-alive connection", name)
				.isTrue();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "classic", "loom", "webflux" })
	void aHeadNotCompleteByItsDeadlineIsAnswered408AndClosed(String name) throws Exception {
		try (ServiceProcess running = start(name,
				Map.of("iomodels.server.request-head-timeout", HEAD_TIMEOUT.toSeconds() + "s"))) {
			Trickle trickled = trickle(running, SLOW_HEAD + "x".repeat(200), 200);
			assertThat(trickled.answer()).as("%s: a head trickled a byte every 200 ms", name)
				.startsWith("HTTP/1.1 408 ")
				.contains("Connection: close")
				.contains("\"type\":\"urn:io-models:problem:request-timeout\"");
			assertThat(trickled.closedAfter()).as("%s: closed after the first byte", name)
				.isLessThan(HEAD_TIMEOUT.multipliedBy(2));
			Trickle silent = trickle(running, SLOW_HEAD, 0);
			assertThat(silent.answer()).as("%s: half a head, then silence", name).startsWith("HTTP/1.1 408 ");
			assertThat(silent.closedAfter()).as("%s: closed after the first byte", name)
				.isLessThan(HEAD_TIMEOUT.multipliedBy(2));
			Trickle inTime = trickle(running,
					"GET /api/v1/info HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 10);
			assertThat(inTime.answer()).as("%s: a slow head complete within the deadline", name)
				.startsWith("HTTP/1.1 200");
			assertThat(metric(running, "http_server_request_head_timeouts_total")).as(name).isEqualTo(2);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "classic", "loom", "webflux" })
	void twoThousandTricklingClientsDoNotStopNormalRequests(String name) throws Exception {
		try (ServiceProcess running = start(name,
				Map.of("iomodels.server.request-head-timeout", HEAD_TIMEOUT.toSeconds() + "s",
						"iomodels.server.max-connections", Integer.toString(MAX_CONNECTIONS)))) {
			long end = System.nanoTime() + TRICKLING.toNanos();
			AtomicLong cutOff = new AtomicLong();
			List<Long> served = new ArrayList<>();
			int refused = 0;
			try (ExecutorService tricklers = Executors.newVirtualThreadPerTaskExecutor()) {
				for (int i = 0; i < TRICKLERS; i++) {
					tricklers.submit(() -> trickleUntil(running, end, cutOff));
				}
				Thread.sleep(3000);
				while (System.nanoTime() < end - Duration.ofSeconds(1).toNanos()) {
					long start = System.nanoTime();
					String answer = exchange(running,
							"GET /api/v1/info HTTP/1.1\r\nHost: localhost\r\n" + "Connection: close\r\n\r\n");
					if (answer.startsWith("HTTP/1.1 200")) {
						served.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
					}
					else {
						refused++;
					}
					Thread.sleep(100);
				}
				tricklers.shutdown();
				assertThat(tricklers.awaitTermination(60, TimeUnit.SECONDS)).as("the tricklers stop").isTrue();
			}
			double headTimeouts = metric(running, "http_server_request_head_timeouts_total");
			System.out.printf(
					"SlowClientIT: %s with %d trickling clients over %d connections for %d s: %d normal requests "
							+ "served (%s ms), %d not; %d trickling connections cut off, %.0f head timeouts counted%n",
					name, TRICKLERS, MAX_CONNECTIONS, TRICKLING.toSeconds(), served.size(), served, refused,
					cutOff.get(), headTimeouts);
			assertThat(served).as("%s: normal requests served while %d clients trickle", name, TRICKLERS)
				.hasSizeGreaterThanOrEqualTo(3);
			assertThat(headTimeouts).as("%s: heads cut off", name).isGreaterThanOrEqualTo(MAX_CONNECTIONS);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "classic", "loom", "webflux" })
	void aClientThatStopsReadingIsCutOffAndItsRequestEnds(String name) throws Exception {
		try (ServiceProcess running = start(name, Map.of("iomodels.server.response-write-timeout", "2s"));
				HttpClient client = HttpClient.newHttpClient()) {
			int size = 1024 * 1024;
			int requests = 32;
			HttpResponse<Void> stored = client.send(HttpRequest.newBuilder(running.api().resolve("/api/v1/objects/big"))
				.PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[size]))
				.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(stored.statusCode()).isEqualTo(201);
			try (Socket socket = new Socket()) {
				socket.setReceiveBufferSize(4096);
				socket.connect(new InetSocketAddress(running.api().getHost(), running.api().getPort()), 5000);
				socket.getOutputStream()
					.write("GET /api/v1/objects/big HTTP/1.1\r\nHost: localhost\r\n\r\n".repeat(requests)
						.getBytes(StandardCharsets.ISO_8859_1));
				long deadline = System.nanoTime() + Duration.ofSeconds(CLIENT_PATIENCE_MILLIS / 1000).toNanos();
				while (metric(running, "http_server_response_write_timeouts_total") < 1
						|| metric(running, "http_server_requests_in_flight") > 0) {
					assertThat(System.nanoTime()).as("%s: the stalled response is cut off", name).isLessThan(deadline);
					Thread.sleep(200);
				}
				socket.setSoTimeout(CLIENT_PATIENCE_MILLIS);
				long received = 0;
				try (InputStream in = socket.getInputStream()) {
					byte[] buffer = new byte[65536];
					for (int read; (read = in.read(buffer)) != -1;) {
						received += read;
					}
				}
				catch (SocketTimeoutException stillOpen) {
					throw new AssertionError(name + ": the connection was left open", stillOpen);
				}
				catch (IOException reset) {
					// Closed with bytes unread: a reset.
				}
				System.out.printf("SlowClientIT: %s cut off a client that read nothing after %d of %d bytes%n", name,
						received, (long) requests * size);
				assertThat(received).as("%s: bytes the client got before the end", name)
					.isLessThan((long) requests * size);
			}
			assertThat(metric(running, "http_server_response_write_timeouts_total")).as(name).isEqualTo(1);
		}
	}

	private static ServiceProcess start(String name, Map<String, String> properties) throws Exception {
		Service service = Service.named(name);
		Path root = Path.of(System.getProperty("project.root"));
		return ServiceProcess.start(service, service.jar(root, System.getProperty("project.version")), properties,
				Path.of("target", "service-logs"));
	}

	private static double metric(ServiceProcess running, String name) throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return PrometheusScrape.of(client, running.management()).sum(name);
		}
	}

	/**
	 * Send a head a byte at a time, {@code pauseMillis} apart (all at once if 0), then
	 * read until the server closes.
	 */
	private static Trickle trickle(ServiceProcess running, String head, int pauseMillis) throws Exception {
		try (Socket socket = connect(running)) {
			socket.setSoTimeout(Math.max(pauseMillis, 1));
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
			long first = System.nanoTime();
			StringBuilder answer = new StringBuilder();
			int sent = 0;
			while (pauseMillis > 0 && sent < bytes.length) {
				try {
					out.write(bytes[sent++]);
					out.flush();
				}
				catch (IOException closed) {
					break;
				}
				if (!read(in, answer)) {
					return new Trickle(answer.toString(), Duration.ofNanos(System.nanoTime() - first));
				}
			}
			if (pauseMillis == 0) {
				out.write(bytes);
				out.flush();
			}
			socket.setSoTimeout(CLIENT_PATIENCE_MILLIS);
			while (read(in, answer)) {
				// Until the server closes.
			}
			return new Trickle(answer.toString(), Duration.ofNanos(System.nanoTime() - first));
		}
	}

	/**
	 * Read what has come, within the socket's timeout.
	 * @return {@code false} once the server has closed the connection
	 */
	private static boolean read(InputStream in, StringBuilder answer) throws IOException {
		try {
			byte[] buffer = new byte[8192];
			int read = in.read(buffer);
			if (read == -1) {
				return false;
			}
			answer.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
			return true;
		}
		catch (SocketTimeoutException nothingYet) {
			return true;
		}
		catch (IOException reset) {
			return false;
		}
	}

	/** One trickling client: connect, trickle a head, and start again when cut off. */
	private static Void trickleUntil(ServiceProcess running, long end, AtomicLong cutOff) {
		byte[] head = (SLOW_HEAD + "x".repeat(4000)).getBytes(StandardCharsets.ISO_8859_1);
		while (System.nanoTime() < end) {
			try (Socket socket = connect(running)) {
				socket.setSoTimeout(250);
				OutputStream out = socket.getOutputStream();
				InputStream in = socket.getInputStream();
				StringBuilder ignored = new StringBuilder();
				for (int sent = 0; sent < head.length && System.nanoTime() < end; sent++) {
					out.write(head[sent]);
					out.flush();
					if (!read(in, ignored)) {
						cutOff.incrementAndGet();
						break;
					}
				}
			}
			catch (IOException refusedOrReset) {
				cutOff.incrementAndGet();
			}
		}
		return null;
	}

	private static String exchange(ServiceProcess running, String request) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(running.api().getHost(), running.api().getPort()), 10_000);
			socket.setSoTimeout(CLIENT_PATIENCE_MILLIS);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static Socket connect(ServiceProcess running) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress(running.api().getHost(), running.api().getPort()), 10_000);
		return socket;
	}

	/**
	 * Send bytes, then read until the server closes the connection.
	 * @return {@code true} if it closed it, {@code false} if it kept it open for the
	 * client's whole patience
	 */
	private static boolean closedAfterSending(ServiceProcess running, String bytes) throws Exception {
		try (Socket socket = connect(running)) {
			socket.setSoTimeout(CLIENT_PATIENCE_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			try {
				while (in.read() != -1) {
					// An answer (to a complete request, or a refusal) may come first.
				}
				return true;
			}
			catch (SocketTimeoutException stillOpen) {
				return false;
			}
			catch (IOException reset) {
				return true;
			}
		}
	}

	/**
	 * What a slow client got.
	 *
	 * @param answer the bytes the server sent, as ISO-8859-1 text
	 * @param closedAfter how long after its first byte the server closed the connection
	 */
	record Trickle(String answer, Duration closedAfter) {

	}

}
