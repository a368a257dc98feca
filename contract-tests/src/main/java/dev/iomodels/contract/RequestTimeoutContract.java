package dev.iomodels.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.iomodels.contract.GuardedServiceContractTests.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request whose body arrives too slowly.
 * <p>
 * A section of {@link GuardedServiceContractTests}, run by it as its {@code @Nested}
 * class {@code RequestTimeout}.
 */
abstract class RequestTimeoutContract {

	/**
	 * How long a raw-socket test waits for the next bytes of an answer, or for the end of
	 * the connection after it: twice the 5 s connection timeout the services run with
	 * here, so that a connection left open after a 408 fails the test. (Reactor Netty
	 * closes it at once; Tomcat first reads what comes of the declared body, so it closes
	 * it when the silent client reaches the connection timeout.)
	 */
	private static final Duration RAW_READ_TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The test's client of the service. */
	private final ContractClient client;

	RequestTimeoutContract(ContractClient client) {
		this.client = client;
	}

	@Test
	void aBodyThatTricklesInPastTheRequestTimeoutAnswers408RequestTimeoutAndClosesTheConnection() throws Exception {
		// 64 KiB declared, 1 KiB every 200 ms: the whole body would take 12.8 s, far past
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
		assertThat(problem.path("instance").stringValue()).as(response.text()).isEqualTo("/api/v1/objects/trickled");
	}

	@Test
	void aBodyThatTricklesInWithinTheRequestTimeoutReachesTheStorage() throws Exception {
		// 4 KiB, 1 KiB every 200 ms: slow, but complete well within the 3 s; the storage
		// then takes longer than its own timeout, so 504, not 408.
		RawResponse response = trickle("/api/v1/objects/trickled", 4, Duration.ofMillis(200));
		assertThat(response.status()).as(response.text()).isEqualTo(504);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("type").stringValue()).as(response.text())
			.isEqualTo("urn:io-models:problem:storage-timeout");
	}

	/**
	 * Send a PUT of {@code kibibytes} KiB over a raw socket, one KiB at a time with a
	 * pause before each, until the body is sent or the service has answered (or closed
	 * the connection), then read the answer to the end of the connection, which the
	 * request asks to be closed.
	 */
	private RawResponse trickle(String path, int kibibytes, Duration pause) throws Exception {
		URI base = this.client.server().api();
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
			this.client.record(response.answer("PUT", path));
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

		/**
		 * Return this response as an answer to check against the OpenAPI document.
		 */
		OpenApiDocument.Answer answer(String method, String rawPath) {
			Map<String, List<String>> headers = new HashMap<>();
			this.headers.forEach((name, value) -> headers.put(name, List.of(value)));
			return new OpenApiDocument.Answer(method, rawPath, this.status, headers, this.body);
		}

	}

}
