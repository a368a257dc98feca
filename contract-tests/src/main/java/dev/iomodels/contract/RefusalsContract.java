package dev.iomodels.contract;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static dev.iomodels.contract.ApiAssertions.assertProblem;
import static dev.iomodels.contract.ApiAssertions.bytes;
import static dev.iomodels.contract.ApiAssertions.text;
import static dev.iomodels.contract.ContractClient.OBJECTS;
import static dev.iomodels.contract.ContractClient.objectPath;
import static dev.iomodels.contract.ContractHttp.describe;
import static dev.iomodels.contract.ContractHttp.listHeader;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a framework refuses before the API code runs (unknown paths and methods,
 * unacceptable media types) is answered as the API's own problems.
 * <p>
 * A section of {@link StorageApiContractTests}, run by it as its {@code @Nested} class
 * {@code Refusals}.
 */
abstract class RefusalsContract {

	/** The test's client of the service. */
	private final ContractClient client;

	RefusalsContract(ContractClient client) {
		this.client = client;
	}

	@Test
	void postToObjectAnswers405WithAllow() {
		HttpResponse<byte[]> response = this.client.send(this.client.api(objectPath(this.client.key("post")))
			.POST(BodyPublishers.ofString("x"))
			.header("Content-Type", "text/plain"));
		assertProblem(response, 405, "method-not-allowed");
		assertThat(listHeader(response, "Allow")).as(describe(response)).contains("GET", "HEAD", "PUT", "DELETE");
		assertProblem(this.client.get(this.client.key("post")), 404, "not-found");
	}

	@Test
	void patchOfObjectAnswers405WithAllow() {
		String key = this.client.key("patch");
		this.client.create(key, bytes("unpatched"), "text/plain");
		HttpResponse<byte[]> response = this.client.send(this.client.api(objectPath(key))
			.method("PATCH", BodyPublishers.ofString("x"))
			.header("Content-Type", "text/plain"));
		assertProblem(response, 405, "method-not-allowed");
		assertThat(listHeader(response, "Allow")).as(describe(response)).contains("GET", "HEAD", "PUT", "DELETE");
		assertThat(this.client.get(key).body()).isEqualTo(bytes("unpatched"));
	}

	@Test
	void deleteOfCollectionAnswers405WithAllow() {
		HttpResponse<byte[]> response = this.client.send(this.client.api(OBJECTS).DELETE());
		assertProblem(response, 405, "method-not-allowed");
		assertThat(listHeader(response, "Allow")).as(describe(response)).contains("GET");
	}

	@Test
	void unknownPathAnswers404NotFound() {
		assertProblem(this.client.send(this.client.api("/api/v1/nope").GET()), 404, "not-found");
	}

	@Test
	void listingThatAcceptsOnlyTextAnswers406NotAcceptable() {
		HttpResponse<byte[]> response = this.client
			.send(this.client.api(OBJECTS + "?prefix=" + this.client.prefix()).GET().header("Accept", "text/plain"));
		assertProblem(response, 406, "not-acceptable");
	}

}
