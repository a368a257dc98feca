package dev.iomodels.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.iomodels.contract.ContractHttp.describe;
import static dev.iomodels.contract.ContractHttp.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guards every service puts in front of the API, over real HTTP: the bearer token for
 * writes, the overload bound, the request timeout and the storage operation timeout.
 * Every service must pass it, with the same answers; its tests are in sections by guard.
 * <p>
 * A service runs it with one subclass annotated {@link GuardedSpringBootTest}, which
 * starts the service with a token, at most {@value #MAX_REQUESTS} requests and 1 MB of
 * buffered bodies admitted at once, three seconds for a request's body to arrive, and a
 * storage whose every operation takes longer than the storage operation timeout, so that
 * each admitted request is held for that timeout and then answered 504
 * {@code storage-timeout}. That makes the overload deterministic enough to test without a
 * single timing assertion: requests sent at once either wait for the timeout or are
 * refused at once. Where the service listens comes from {@link RunningServerExtension}.
 */
@ExtendWith(RunningServerExtension.class)
public abstract class GuardedServiceContractTests {

	/** The most requests admitted at once. */
	public static final int MAX_REQUESTS = 4;

	/** The token the tests present; a test value, not a secret of any deployment. */
	public static final String TOKEN = "contract-test-token";

	private static final String OBJECT = "/api/v1/objects/guarded";

	/**
	 * How long a raw-socket test waits for the next bytes of an answer, or for the end of
	 * the connection after it: twice the 5 s connection timeout the services run with
	 * here, so that a connection left open after a 408 fails the test. (Reactor Netty
	 * closes it at once; Tomcat first reads what comes of the declared body, so it closes
	 * it when the silent client reaches the connection timeout.)
	 */
	private static final Duration RAW_READ_TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Every answer of the test, for the check against the OpenAPI document. */
	private final ServedAnswers answers = new ServedAnswers();

	private RunningServer server;

	@BeforeEach
	void connect(RunningServer server) {
		this.server = server;
	}

	/**
	 * The OpenAPI document the service serves must list every answer of the guards: each
	 * status a test received on a documented path must be listed for its operation.
	 */
	@AfterEach
	void everyAnswerIsListedByTheServedOpenApiDocument() {
		this.answers.assertListedBy(ContractHttp.send(api("/api/v1/openapi.yaml").GET().build()));
	}

	/**
	 * What /api/v1/info reports of the guards.
	 */
	@Nested
	class Settings {

		@Test
		void infoReportsTheGuardsInEffect() {
			HttpResponse<byte[]> response = send(api("/api/v1/info").GET());
			assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
			JsonNode info = JSON.readTree(response.body());
			JsonNode server = info.path("server");
			assertThat(server.path("writesNeedToken").booleanValue()).as(info.toString()).isTrue();
			assertThat(server.path("maxConcurrentRequests").intValue()).as(info.toString()).isEqualTo(MAX_REQUESTS);
			assertThat(server.path("maxBufferedRequestBytes").longValue()).as(info.toString()).isEqualTo(1024 * 1024);
			assertThat(server.path("requestTimeout").stringValue()).as(info.toString()).isEqualTo("PT3S");
			assertThat(server.path("connectionTimeout").stringValue()).as(info.toString()).isEqualTo("PT5S");
			assertThat(server.path("storageOperationTimeout").stringValue()).as(info.toString()).isEqualTo("PT0.6S");
			assertThat(info.path("emulatedLatency").stringValue()).as(info.toString()).isEqualTo("PT1H");
			assertThat(info.toString()).doesNotContain(TOKEN);
		}

	}

	/**
	 * Writes need the bearer token; reads do not.
	 */
	@Nested
	class BearerToken {

		@Test
		void writeWithoutTheTokenAnswers401UnauthorizedWithWwwAuthenticateBearer() {
			for (HttpRequest.Builder write : List.of(api(OBJECT).PUT(BodyPublishers.ofString("x")),
					api(OBJECT).DELETE())) {
				HttpResponse<byte[]> response = send(write);
				StorageApiContractTests.assertProblem(response, 401, "unauthorized");
				assertThat(header(response, "WWW-Authenticate")).as(describe(response)).isEqualTo("Bearer");
			}
		}

		@Test
		void writeWithAWrongTokenOrSchemeAnswers401() {
			for (String authorization : List.of("Bearer wrong", "Bearer " + TOKEN + "x", "Bearer " + TOKEN.substring(1),
					"Basic " + TOKEN, "Bearer", TOKEN)) {
				StorageApiContractTests.assertProblem(
						send(api(OBJECT).header("Authorization", authorization).PUT(BodyPublishers.ofString("x"))), 401,
						"unauthorized");
			}
		}

		@Test
		void writeWithTheTokenPassesTheGuardAndReachesTheStorage() {
			// The storage then takes longer than its timeout: 504, not 401.
			assertStorageTimeout(
					send(api(OBJECT).header("Authorization", "Bearer " + TOKEN).PUT(BodyPublishers.ofString("x"))));
			assertStorageTimeout(send(api(OBJECT).header("Authorization", "bearer " + TOKEN).DELETE()));
		}

		@Test
		void readsNeedNoToken() {
			assertStorageTimeout(send(api(OBJECT).GET()));
			HttpResponse<byte[]> head = send(api(OBJECT).HEAD());
			assertThat(head.statusCode()).as(describe(head)).isEqualTo(504);
			assertThat(head.body()).as(describe(head)).isEmpty();
			assertStorageTimeout(send(api("/api/v1/objects?limit=1").GET()));
			assertThat(send(api("/api/v1/info").GET()).statusCode()).isEqualTo(200);
		}

	}

	/**
	 * A storage operation that takes too long.
	 */
	@Nested
	class StorageTimeout {

		@Test
		void aStorageOperationOverTheTimeoutAnswers504StorageTimeout() {
			JsonNode problem = assertStorageTimeout(send(api(OBJECT).GET()));
			assertThat(problem.path("detail").stringValue()).contains("600 ms");
		}

	}

	/**
	 * A request whose body arrives too slowly.
	 */
	@Nested
	class RequestTimeout {

		@Test
		void aBodyThatTricklesInPastTheRequestTimeoutAnswers408RequestTimeoutAndClosesTheConnection() throws Exception {
			// 64 KiB declared, 1 KiB every 200 ms: the whole body would take 12.8 s, far
			// past
			// the 3 s request timeout, while no single pause comes near the connection
			// timeout. Nothing reaches the storage, so nothing is stored.
			RawResponse response = trickle("/api/v1/objects/trickled", 64, Duration.ofMillis(200));
			assertThat(response.status()).as(response.text()).isEqualTo(408);
			assertThat(response.header("connection")).as(response.text()).isEqualToIgnoringCase("close");
			assertThat(response.header("content-type")).as(response.text()).startsWith("application/problem+json");
			JsonNode problem = JSON.readTree(response.body());
			assertThat(problem.path("type").stringValue()).as(response.text())
				.isEqualTo("urn:io-models:problem:request-timeout");
			assertThat(problem.path("status").intValue()).as(response.text()).isEqualTo(408);
			assertThat(problem.path("title").stringValue()).as(response.text()).isEqualTo("Request timeout");
			assertThat(problem.path("instance").stringValue()).as(response.text())
				.isEqualTo("/api/v1/objects/trickled");
		}

		@Test
		void aBodyThatTricklesInWithinTheRequestTimeoutReachesTheStorage() throws Exception {
			// 4 KiB, 1 KiB every 200 ms: slow, but complete well within the 3 s; the
			// storage
			// then takes longer than its own timeout, so 504, not 408.
			RawResponse response = trickle("/api/v1/objects/trickled", 4, Duration.ofMillis(200));
			assertThat(response.status()).as(response.text()).isEqualTo(504);
			JsonNode problem = JSON.readTree(response.body());
			assertThat(problem.path("type").stringValue()).as(response.text())
				.isEqualTo("urn:io-models:problem:storage-timeout");
		}

	}

	/**
	 * The bounds on requests and buffered bytes admitted at once.
	 */
	@Nested
	class Overload {

		@Test
		void requestsOverTheBoundAreRefusedAtOnceWith503OverloadedAndRetryAfterWhileHealthAnswers() throws Exception {
			int requests = MAX_REQUESTS * 3;
			List<HttpResponse<byte[]>> responses = sendAtOnce(requests, () -> api(OBJECT).GET());
			int refused = 0;
			int admitted = 0;
			for (HttpResponse<byte[]> response : responses) {
				if (response.statusCode() == 503) {
					StorageApiContractTests.assertProblem(response, 503, "overloaded");
					assertThat(header(response, "Retry-After")).as(describe(response)).isEqualTo("1");
					refused++;
				}
				else {
					assertStorageTimeout(response);
					admitted++;
				}
			}
			assertThat(refused).as("refused of %d sent at once", requests).isPositive();
			assertThat(admitted).as("admitted of %d sent at once", requests).isPositive();
		}

		@Test
		void managementRequestsAreNotSubjectToTheBound() throws Exception {
			ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
			try {
				List<Future<HttpResponse<byte[]>>> holding = new ArrayList<>();
				for (int i = 0; i < MAX_REQUESTS * 2; i++) {
					holding.add(executor.submit(() -> send(api(OBJECT).GET())));
				}
				for (int i = 0; i < 5; i++) {
					HttpResponse<byte[]> health = send(management("/actuator/health"));
					assertThat(health.statusCode()).as(describe(health)).isEqualTo(200);
				}
				for (Future<HttpResponse<byte[]>> response : holding) {
					assertThat(response.get().statusCode()).isIn(503, 504);
				}
			}
			finally {
				executor.shutdown();
			}
		}

		@Test
		void bodiesOverTheBufferedBytesBoundAreRefusedWith503Overloaded() throws Exception {
			// Each PUT declares 600 KB; two of them do not fit in the 1 MB bound at once.
			byte[] body = new byte[600 * 1024];
			List<HttpResponse<byte[]>> responses = sendAtOnce(MAX_REQUESTS - 1,
					() -> api(OBJECT).header("Authorization", "Bearer " + TOKEN).PUT(BodyPublishers.ofByteArray(body)));
			List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
			assertThat(statuses).as("statuses").containsOnly(503, 504).contains(503);
			for (HttpResponse<byte[]> response : responses) {
				if (response.statusCode() == 503) {
					StorageApiContractTests.assertProblem(response, 503, "overloaded");
				}
			}
		}

	}

	/**
	 * Send a PUT of {@code kibibytes} KiB over a raw socket, one KiB at a time with a
	 * pause before each, until the body is sent or the service has answered (or closed
	 * the connection), then read the answer to the end of the connection, which the
	 * request asks to be closed.
	 */
	private RawResponse trickle(String path, int kibibytes, Duration pause) throws Exception {
		URI base = this.server.api();
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout((int) RAW_READ_TIMEOUT.toMillis());
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			String head = "PUT " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + TOKEN
					+ "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + (kibibytes * 1024)
					+ "\r\nConnection: close\r\n\r\n";
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			byte[] piece = new byte[1024];
			Arrays.fill(piece, (byte) 'x');
			for (int i = 0; i < kibibytes && in.available() == 0; i++) {
				Thread.sleep(pause);
				try {
					out.write(piece);
					out.flush();
				}
				catch (IOException ex) {
					// The service answered and closed the connection: read its answer.
					break;
				}
			}
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					received.write(buffer, 0, read);
				}
			}
			catch (SocketTimeoutException ex) {
				throw new AssertionError("The connection was not closed after the answer: "
						+ received.toString(StandardCharsets.ISO_8859_1), ex);
			}
			catch (SocketException ex) {
				// A reset after the answer arrived: what was received still counts.
			}
			RawResponse response = RawResponse.parse(received.toByteArray());
			this.answers.add(new OpenApiDocument.Exchange("PUT", path, response.status()));
			return response;
		}
	}

	/**
	 * An HTTP/1.1 response read off a raw socket; its body is what follows the head.
	 */
	private record RawResponse(int status, Map<String, String> headers, byte[] body, String text) {

		static RawResponse parse(byte[] bytes) {
			String text = new String(bytes, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			assertThat(end).as("a complete response head in: %s", text).isPositive();
			String[] lines = text.substring(0, end).split("\r\n");
			String[] statusLine = lines[0].split(" ", 3);
			assertThat(statusLine).as(text).hasSizeGreaterThanOrEqualTo(2);
			Map<String, String> headers = new HashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							lines[i].substring(colon + 1).trim());
				}
			}
			byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
			return new RawResponse(Integer.parseInt(statusLine[1]), headers, body, text);
		}

		String header(String name) {
			return this.headers.get(name);
		}

	}

	private static JsonNode assertStorageTimeout(HttpResponse<byte[]> response) {
		return StorageApiContractTests.assertProblem(response, 504, "storage-timeout");
	}

	private List<HttpResponse<byte[]>> sendAtOnce(int count, java.util.function.Supplier<HttpRequest.Builder> request)
			throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
		try {
			List<Future<HttpResponse<byte[]>>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					return send(request.get());
				}));
			}
			start.countDown();
			List<HttpResponse<byte[]>> responses = new ArrayList<>();
			for (Future<HttpResponse<byte[]>> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
		finally {
			executor.shutdown();
		}
	}

	private HttpRequest.Builder api(String rawPathAndQuery) {
		return ContractHttp.request(this.server.api(), rawPathAndQuery);
	}

	private HttpRequest.Builder management(String rawPathAndQuery) {
		return ContractHttp.request(this.server.management(), rawPathAndQuery).GET();
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) {
		HttpResponse<byte[]> response = ContractHttp.send(request.build());
		this.answers.add(response);
		return response;
	}

}
