package dev.iomodels.control.webflux;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control of the event-loop service: the five routes over real HTTP, under BlockHound
 * (installed for every test by {@code blockhound-junit-platform}), and the management
 * port the harness and the comparison use.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ControlWebfluxApplicationTests {

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private ApplicationContext context;

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@Test
	void getAnswersTheSameKibibyteForEveryKey() throws Exception {
		HttpResponse<byte[]> first = send(HttpRequest.newBuilder(api("/api/v1/objects/a")));
		HttpResponse<byte[]> second = send(HttpRequest.newBuilder(api("/api/v1/objects/another-key")));

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
		assertThat(first.body()).hasSize(1024);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(first.body());
	}

	@Test
	void putReadsTheBodyAndAnswersCreated() throws Exception {
		HttpResponse<byte[]> response = send(HttpRequest.newBuilder(api("/api/v1/objects/a"))
			.header("Content-Type", "application/octet-stream")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[64 * 1024])));

		assertThat(response.statusCode()).isEqualTo(201);
	}

	@Test
	void deleteAnswersNoContent() throws Exception {
		HttpResponse<byte[]> response = send(HttpRequest.newBuilder(api("/api/v1/objects/a")).DELETE());

		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void listingIsAlwaysAnEmptyPage() throws Exception {
		HttpResponse<byte[]> response = send(
				HttpRequest.newBuilder(api("/api/v1/objects?prefix=gatling-&limit=1000&cursor=x")));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(new String(response.body())).isEqualTo("{\"items\":[],\"nextCursor\":null}");
	}

	@Test
	void infoSaysItIsTheEventLoopControlAndTheHandlerRunsOnAnEventLoopThread() throws Exception {
		HttpResponse<byte[]> response = send(HttpRequest.newBuilder(api("/api/v1/info")));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(new String(response.body()))
			.contains("\"service\":\"control-webflux\"", "\"control\":true", "\"model\":\"event-loop\"",
					"\"emulatedLatency\":\"PT0S\"", "\"payloadSize\":1024", "\"virtual\":false")
			// One of Reactor Netty's event loops (Spring Boot names them webflux-http-*).
			.containsPattern("\"name\":\"[a-z]+-http-(epoll|nio|io_uring)-\\d+\"");
	}

	@Test
	void readinessIsUpOnTheManagementPort() throws Exception {
		HttpResponse<byte[]> response = send(HttpRequest.newBuilder(management("/actuator/health/readiness")));

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void prometheusExposesTheJvmMetersWithTheServicesCommonTags() throws Exception {
		send(HttpRequest.newBuilder(api("/api/v1/objects/a")));

		HttpResponse<byte[]> response = send(HttpRequest.newBuilder(management("/actuator/prometheus")));

		assertThat(response.statusCode()).isEqualTo(200);
		String scrape = new String(response.body());
		assertThat(scrape)
			.containsPattern("jvm_threads_live_threads\\{application=\"control-webflux\",model=\"event-loop\"} \\d");
		assertThat(scrape).contains("process_cpu_time_ns_total", "jvm_memory_used_bytes",
				"jvm_gc_memory_allocated_bytes_total", "jvm_threads_virtual_live_threads");
		assertThat(scrape).doesNotContain("http_server_requests");
	}

	@Test
	void requestsAreNotObserved() {
		assertThat(this.context.getBeanProvider(ObservationRegistry.class).getIfAvailable()).isNull();
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
		return this.client.send(request.timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private URI api(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private URI management(String path) {
		return URI.create("http://localhost:" + this.managementPort + path);
	}

}
