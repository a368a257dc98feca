package dev.iomodels.webflux;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.iomodels.contract.StorageApiContractTests;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API contract, over real HTTP, against webflux-service, with BlockHound watching
 * every event-loop thread while it runs; one subclass per transport.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "storage.max-bytes=16MB", "management.server.port=0" })
abstract class WebfluxServiceContractTests extends StorageApiContractTests {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Override
	protected URI apiBaseUri() {
		return URI.create("http://localhost:" + this.port);
	}

	@Override
	protected URI managementBaseUri() {
		return URI.create("http://localhost:" + this.managementPort);
	}

	@Override
	protected String expectedModel() {
		return "event-loop";
	}

	/**
	 * Return the server channel class the running API server reports.
	 * @return the class name
	 * @throws Exception if the info cannot be read
	 */
	protected String observedServerChannel() throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(apiBaseUri().resolve("/api/v1/info"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
			return JsonMapper.builder().build().readTree(response.body()).path("transport").path("observed").asString();
		}
	}

	/**
	 * Return the names of the live event-loop threads.
	 * @return the names of threads that start with {@code reactor-http-}
	 */
	protected static List<String> eventLoopThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((name) -> name.startsWith("reactor-http-"))
			.toList();
	}

}
