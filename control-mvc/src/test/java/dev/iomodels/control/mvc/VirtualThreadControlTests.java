package dev.iomodels.control.mvc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same jar as loom's control: one property, and every request runs on a virtual
 * thread.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.threads.virtual.enabled=true", "management.server.port=0" })
class VirtualThreadControlTests {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void requestsRunOnAVirtualThreadAndInfoSaysSo() throws Exception {
		String info = get(URI.create("http://localhost:" + this.port + "/api/v1/info"));

		assertThat(info).contains("\"model\":\"virtual-threads\"", "\"virtual\":true");
	}

	@Test
	void theMetersCarryTheVirtualThreadModel() throws Exception {
		String scrape = get(URI.create("http://localhost:" + this.managementPort + "/actuator/prometheus"));

		assertThat(scrape)
			.containsPattern("jvm_threads_live_threads\\{application=\"control-mvc\",model=\"virtual-threads\"} \\d");
	}

	private static String get(URI uri) throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}
	}

}
