package dev.iomodels.contract;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
