package dev.iomodels.contract;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.iomodels.contract.ApiAssertions.json;
import static dev.iomodels.contract.ContractHttp.describe;
import static dev.iomodels.contract.GuardedServiceContractTests.MAX_REQUESTS;
import static dev.iomodels.contract.GuardedServiceContractTests.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What /api/v1/info reports of the guards.
 * <p>
 * A section of {@link GuardedServiceContractTests}, run by it as its {@code @Nested}
 * class {@code Settings}.
 */
abstract class GuardSettingsContract {

	/** The test's client of the service. */
	private final ContractClient client;

	GuardSettingsContract(ContractClient client) {
		this.client = client;
	}

	@Test
	void infoReportsTheGuardsInEffect() {
		HttpResponse<byte[]> response = this.client.send(this.client.api("/api/v1/info").GET());
		assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
		JsonNode info = json(response, false);
		JsonNode server = info.path("server");
		assertThat(server.path("writesNeedToken").booleanValue()).as(info.toString()).isTrue();
		assertThat(server.path("maxConcurrentRequests").intValue()).as(info.toString()).isEqualTo(MAX_REQUESTS);
		assertThat(server.path("maxBufferedRequestBytes").longValue()).as(info.toString()).isEqualTo(1024 * 1024);
		assertThat(server.path("requestTimeout").stringValue()).as(info.toString()).isEqualTo("PT3S");
		assertThat(server.path("connectionTimeout").stringValue()).as(info.toString()).isEqualTo("PT5S");
		assertThat(server.path("storageOperationTimeout").stringValue()).as(info.toString()).isEqualTo("PT0.6S");
		assertThat(info.path("emulatedLatency").stringValue()).as(info.toString()).isEqualTo("PT1H");
		assertThat(info.toString()).doesNotContain(TOKEN);
	}

}
