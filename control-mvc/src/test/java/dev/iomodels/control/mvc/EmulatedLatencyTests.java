package dev.iomodels.control.mvc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control waits the services' emulated latency before it answers. Only the lower
 * bound is asserted; the machine is shared.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "storage.emulated-latency=200ms", "management.server.port=0" })
class EmulatedLatencyTests {

	private static final Duration LATENCY = Duration.ofMillis(200);

	@LocalServerPort
	private int port;

	@Test
	void aGetIsAnsweredNoSoonerThanTheLatency() throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/objects/slow"))
				.timeout(Duration.ofSeconds(10))
				.build();
			long start = System.nanoTime();

			HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(LATENCY);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).hasSize(1024);
		}
	}

	@Test
	void infoReportsTheLatency() throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/info")).build(),
					HttpResponse.BodyHandlers.ofString());

			assertThat(response.body()).contains("\"emulatedLatency\":\"PT0.2S\"");
		}
	}

}
