package dev.iomodels.contract;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static dev.iomodels.contract.ApiAssertions.assertProblem;
import static dev.iomodels.contract.ApiAssertions.assertStatus;
import static dev.iomodels.contract.ApiAssertions.bytes;
import static dev.iomodels.contract.ApiAssertions.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DELETE of an object.
 * <p>
 * A section of {@link StorageApiContractTests}, run by it as its {@code @Nested} class
 * {@code Deletes}.
 */
abstract class DeletesContract {

	/** The test's client of the service. */
	private final ContractClient client;

	DeletesContract(ContractClient client) {
		this.client = client;
	}

	@Test
	void deleteAnswers204AndRemovesObject() {
		String key = this.client.key("gone");
		this.client.create(key, bytes("short-lived"), "text/plain");
		HttpResponse<byte[]> response = this.client.delete(key);
		assertStatus(response, 204);
		assertThat(response.body()).isEmpty();
		assertProblem(this.client.get(key), 404, "not-found");
	}

	@Test
	void deleteOfMissingKeyAnswers404NotFound() {
		assertProblem(this.client.delete(this.client.key("never")), 404, "not-found");
	}

}
