package dev.iomodels.contract;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.iomodels.contract.ApiAssertions.assertProblem;
import static dev.iomodels.contract.ApiAssertions.assertStatus;
import static dev.iomodels.contract.ApiAssertions.json;
import static dev.iomodels.contract.ContractHttp.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator endpoints, on the management port only.
 * <p>
 * A section of {@link StorageApiContractTests}, run by it as its {@code @Nested} class
 * {@code Management}.
 */
abstract class ManagementContract {

	/** The test's client of the service. */
	private final ContractClient client;

	ManagementContract(ContractClient client) {
		this.client = client;
	}

	@Test
	void livenessAndReadinessAreUpOnTheManagementPort() {
		for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
			HttpResponse<byte[]> response = this.client.send(this.client.management(probe).GET());
			assertStatus(response, 200);
			assertThat(json(response, false).path("status").stringValue()).as(describe(response)).isEqualTo("UP");
		}
	}

	@Test
	void prometheusMetricsAreServedOnTheManagementPort() {
		HttpResponse<byte[]> response = this.client.send(this.client.management("/actuator/prometheus").GET());
		assertStatus(response, 200);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("jvm_");
	}

	@Test
	void everyApiRequestIsTimedOnceUnderTheRouteItMatched() throws InterruptedException {
		double before = timedDeletesOfMissingObjects();
		for (int i = 0; i < 3; i++) {
			assertStatus(this.client.delete(this.client.key("timed-" + i)), 404);
		}
		// A request is timed when the server is done with it, which may be a moment
		// after the client has its answer.
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		double timed = timedDeletesOfMissingObjects() - before;
		while (timed < 3 && System.nanoTime() < deadline) {
			Thread.sleep(20);
			timed = timedDeletesOfMissingObjects() - before;
		}
		assertThat(timed).as("http_server_requests_seconds_count of the three DELETEs").isEqualTo(3);
	}

	private double timedDeletesOfMissingObjects() {
		HttpResponse<byte[]> response = this.client.send(this.client.management("/actuator/prometheus").GET());
		assertStatus(response, 200);
		return new String(response.body(), StandardCharsets.UTF_8).lines()
			.filter((line) -> line.startsWith("http_server_requests_seconds_count{"))
			.filter((line) -> line.contains("method=\"DELETE\"") && line.contains("status=\"404\"")
					&& line.contains("uri=\"/api/v1/objects/{key}\"") && line.contains("outcome=\"CLIENT_ERROR\""))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	@Test
	void apiPortDoesNotServeActuator() {
		assertProblem(this.client.send(this.client.api("/actuator/health").GET()), 404, "not-found");
	}

	@Test
	void managementPortExposesNothingButHealthInfoAndPrometheus() {
		for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/threaddump",
				"/actuator/loggers", "/actuator/configprops", "/actuator/mappings", "/actuator/metrics",
				"/actuator/shutdown", "/actuator/conditions", "/actuator/scheduledtasks")) {
			assertStatus(this.client.send(this.client.management(hidden).GET()), 404);
		}
		assertStatus(this.client.send(this.client.management("/actuator/shutdown").POST(BodyPublishers.noBody())), 404);
		HttpResponse<byte[]> index = this.client.send(this.client.management("/actuator").GET());
		assertStatus(index, 200);
		assertThat(json(index, false).path("_links").propertyNames()).as(describe(index))
			.containsExactlyInAnyOrder("self", "health", "health-path", "info", "prometheus");
	}

}
