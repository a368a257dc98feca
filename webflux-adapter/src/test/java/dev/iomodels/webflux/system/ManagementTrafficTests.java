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
 * Spring Boot's management server runs the application's web filters and observes its
 * requests like the API's, where the MVC services' management Tomcat does neither: the
 * event-loop service must still count only API traffic, or its request rate and in-flight
 * gauge would include every Prometheus scrape.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ManagementTrafficTests {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void aScrapeIsNeitherInFlightNorAnHttpServerRequest() throws Exception {
		get(this.managementPort, "/actuator/health/readiness");

		String scrape = get(this.managementPort, "/actuator/prometheus");

		assertThat(scrape).contains(
				"http_server_requests_in_flight{application=\"webflux\",model=\"event-loop\",transport=\"epoll\"} 0.0")
			.doesNotContain("uri=\"/actuator");
	}

	@Test
	void theServersGaugesCarryTheCommonTagsAndNoRequestIsMeasuredASecondTime() throws Exception {
		get(this.port, "/api/v1/objects/missing-key");

		String scrape = get(this.managementPort, "/actuator/prometheus");

		// The client keeps its connection to the API open: the gauge counts it.
		assertThat(scrape)
			.containsPattern("reactor_netty_http_server_connections\\{application=\"webflux\",model=\"event-loop\","
					+ "transport=\"epoll\"} [1-9]")
			.containsPattern("reactor_netty_eventloop_pending_tasks\\{application=\"webflux\",model=\"event-loop\","
					+ "name=\"reactor-http-epoll-\\d+\",transport=\"epoll\"} \\d")
			.contains("reactor_netty_bytebuf_allocator_used_direct_memory{application=\"webflux\"",
					"reactor_netty_bytebuf_allocator_used_heap_memory{application=\"webflux\"")
			// Requests are measured once, by http_server_requests, as on the MVC
			// services.
			.contains("http_server_requests_seconds_count{application=\"webflux\"")
			.doesNotContain("reactor_netty_http_server_response_time", "reactor_netty_http_server_data_");
	}

	private static String get(int port, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

}
