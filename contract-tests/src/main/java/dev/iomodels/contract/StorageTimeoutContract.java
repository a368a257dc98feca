package dev.iomodels.contract;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.iomodels.contract.ApiAssertions.assertStorageTimeout;
import static dev.iomodels.contract.GuardedServiceContractTests.OBJECT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A storage operation that takes too long.
 * <p>
 * A section of {@link GuardedServiceContractTests}, run by it as its {@code @Nested}
 * class {@code StorageTimeout}.
 */
abstract class StorageTimeoutContract {

	/** The test's client of the service. */
	private final ContractClient client;

	StorageTimeoutContract(ContractClient client) {
		this.client = client;
	}

	@Test
	void aStorageOperationOverTheTimeoutAnswers504StorageTimeout() {
		JsonNode problem = assertStorageTimeout(this.client.send(this.client.api(OBJECT).GET()));
		assertThat(problem.path("detail").stringValue()).contains("600 ms");
	}

}
