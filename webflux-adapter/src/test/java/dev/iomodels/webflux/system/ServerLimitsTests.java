package dev.iomodels.webflux.system;

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
 * The shared limits reach the API server and win over Spring Boot's own {@code server.*}
 * defaults, which would otherwise reset the header size to 8 KB; the management server
 * keeps Boot's defaults, as the MVC services' management Tomcat does.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "iomodels.server.max-request-header-size=16KB", "management.server.port=0" })
class ServerLimitsTests {

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void requestHeaderSizeIsTheSharedLimitOnTheApiPort() throws Exception {
		assertThat(statusWithHeaderOf(this.port, "/api/v1/info", 12 * 1024)).isEqualTo(200);
		// 400 as from Tomcat, not Netty's own 431: DecodingFailureProblems.
		assertThat(statusWithHeaderOf(this.port, "/api/v1/info", 20 * 1024)).isEqualTo(400);
	}

	@Test
	void managementPortKeepsBootsDefaultHeaderSize() throws Exception {
		assertThat(statusWithHeaderOf(this.managementPort, "/actuator/health", 12 * 1024)).isEqualTo(431);
	}

	private static int statusWithHeaderOf(int port, String path, int size) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.header("X-Padding", "p".repeat(size))
			.GET()
			.build();
		return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
