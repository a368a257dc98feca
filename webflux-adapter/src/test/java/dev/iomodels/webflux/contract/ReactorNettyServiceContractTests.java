package dev.iomodels.webflux.contract;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.iomodels.contract.StorageApiContractTests;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API contract against a service that runs the WebFlux adapter on Reactor Netty, plus
 * what only Reactor Netty has: the server channel it bound and its event-loop threads.
 * The service's base class adds {@code @SpringBootTest} and what is its own (its model);
 * one subclass per transport then checks the transport in use.
 */
public abstract class ReactorNettyServiceContractTests extends StorageApiContractTests {

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
