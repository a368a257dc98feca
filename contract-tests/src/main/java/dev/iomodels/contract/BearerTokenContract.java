package dev.iomodels.contract;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.iomodels.contract.ApiAssertions.assertProblem;
import static dev.iomodels.contract.ApiAssertions.assertStorageTimeout;
import static dev.iomodels.contract.ContractHttp.describe;
import static dev.iomodels.contract.ContractHttp.header;
import static dev.iomodels.contract.GuardedServiceContractTests.OBJECT;
import static dev.iomodels.contract.GuardedServiceContractTests.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes need the bearer token; reads do not.
 * <p>
 * A section of {@link GuardedServiceContractTests}, run by it as its {@code @Nested}
 * class {@code BearerToken}.
 */
abstract class BearerTokenContract {

	/** The test's client of the service. */
	private final ContractClient client;

	BearerTokenContract(ContractClient client) {
		this.client = client;
	}

	@Test
	void writeWithoutTheTokenAnswers401UnauthorizedWithWwwAuthenticateBearer() {
		for (HttpRequest.Builder write : List.of(this.client.api(OBJECT).PUT(BodyPublishers.ofString("x")),
				this.client.api(OBJECT).DELETE())) {
			HttpResponse<byte[]> response = this.client.send(write);
			assertProblem(response, 401, "unauthorized");
			assertThat(header(response, "WWW-Authenticate")).as(describe(response)).isEqualTo("Bearer");
		}
	}

	@Test
	void writeWithAWrongTokenOrSchemeAnswers401() {
		for (String authorization : List.of("Bearer wrong", "Bearer " + TOKEN + "x", "Bearer " + TOKEN.substring(1),
				"Basic " + TOKEN, "Bearer", TOKEN)) {
			assertProblem(this.client
				.send(this.client.api(OBJECT).header("Authorization", authorization).PUT(BodyPublishers.ofString("x"))),
					401, "unauthorized");
		}
	}

	@Test
	void writeWithTheTokenPassesTheGuardAndReachesTheStorage() {
		// The storage then takes longer than its timeout: 504, not 401.
		assertStorageTimeout(this.client.send(
				this.client.api(OBJECT).header("Authorization", "Bearer " + TOKEN).PUT(BodyPublishers.ofString("x"))));
		assertStorageTimeout(
				this.client.send(this.client.api(OBJECT).header("Authorization", "bearer " + TOKEN).DELETE()));
	}

	@Test
	void readsNeedNoToken() {
		assertStorageTimeout(this.client.send(this.client.api(OBJECT).GET()));
		HttpResponse<byte[]> head = this.client.send(this.client.api(OBJECT).HEAD());
		assertThat(head.statusCode()).as(describe(head)).isEqualTo(504);
		assertThat(head.body()).as(describe(head)).isEmpty();
		assertStorageTimeout(this.client.send(this.client.api("/api/v1/objects?limit=1").GET()));
		assertThat(this.client.send(this.client.api("/api/v1/info").GET()).statusCode()).isEqualTo(200);
	}

}
