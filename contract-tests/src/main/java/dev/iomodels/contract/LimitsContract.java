package dev.iomodels.contract;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.iomodels.contract.ApiAssertions.assertProblem;
import static dev.iomodels.contract.ApiAssertions.assertStatus;
import static dev.iomodels.contract.ApiAssertions.bytes;
import static dev.iomodels.contract.ApiAssertions.json;
import static dev.iomodels.contract.ContractClient.objectPath;
import static dev.iomodels.contract.ContractHttp.etagOf;
import static dev.iomodels.contract.ContractHttp.header;
import static dev.iomodels.contract.ContractHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The maximum object size, with and without Content-Length, and the store's byte budget.
 * <p>
 * A section of {@link StorageApiContractTests}, run by it as its {@code @Nested} class
 * {@code Limits}.
 */
abstract class LimitsContract {

	/** The default maximum object size, which the services keep: 1 MiB. */
	static final int MAX_OBJECT_SIZE = 1024 * 1024;

	private static final int STORAGE_FULL_ATTEMPTS = 40;

	/** The test's client of the service. */
	private final ContractClient client;

	LimitsContract(ContractClient client) {
		this.client = client;
	}

	@Test
	void putOfExactlyMaxObjectSizeIsAccepted() {
		String key = this.client.key("max");
		byte[] body = randomBytes(MAX_OBJECT_SIZE);
		HttpResponse<byte[]> response = this.client.put(key, body, "application/octet-stream");
		try {
			assertStatus(response, 201);
			assertThat(json(response).path("size").longValue()).isEqualTo(MAX_OBJECT_SIZE);
			HttpResponse<byte[]> get = this.client.get(key);
			assertStatus(get, 200);
			assertThat(get.body()).isEqualTo(body);
			assertThat(header(get, "ETag")).isEqualTo(etagOf(body));
		}
		finally {
			this.client.delete(key);
		}
	}

	@Test
	void putOfOneByteMoreThanMaxObjectSizeAnswers413AndStoresNothing() {
		String key = this.client.key("toolarge");
		HttpResponse<byte[]> response = this.client.put(key, randomBytes(MAX_OBJECT_SIZE + 1),
				"application/octet-stream");
		try {
			assertProblem(response, 413, "payload-too-large");
			assertProblem(this.client.get(key), 404, "not-found");
		}
		finally {
			this.client.delete(key);
		}
	}

	@Test
	void chunkedPutOfOneByteMoreThanMaxObjectSizeAnswers413AndStoresNothing() {
		String key = this.client.key("chunked");
		byte[] body = randomBytes(MAX_OBJECT_SIZE + 1);
		// A publisher of unknown length makes the client send the body chunked, without
		// Content-Length, so the service has to count the bytes as they arrive.
		BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
		assertThat(chunked.contentLength()).isNegative();
		HttpResponse<byte[]> response = this.client
			.send(this.client.api(objectPath(key)).PUT(chunked).header("Content-Type", "application/octet-stream"));
		try {
			assertProblem(response, 413, "payload-too-large");
			assertProblem(this.client.get(key), 404, "not-found");
		}
		finally {
			this.client.delete(key);
		}
	}

	@Test
	void chunkedPutWithinMaxObjectSizeIsAccepted() {
		String key = this.client.key("chunkedok");
		byte[] body = randomBytes(100_000);
		HttpResponse<byte[]> response = this.client.send(this.client.api(objectPath(key))
			.PUT(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.header("Content-Type", "application/octet-stream"));
		assertStatus(response, 201);
		assertThat(json(response).path("size").longValue()).isEqualTo(body.length);
		HttpResponse<byte[]> get = this.client.get(key);
		assertStatus(get, 200);
		assertThat(get.body()).isEqualTo(body);
	}

	@Test
	void writeBeyondTheByteBudgetAnswers507AndStoresNothing() {
		byte[] mebibyte = randomBytes(MAX_OBJECT_SIZE);
		List<String> stored = new ArrayList<>();
		List<Integer> deletions = new ArrayList<>();
		try {
			HttpResponse<byte[]> refused = null;
			String refusedKey = null;
			for (int i = 0; i < STORAGE_FULL_ATTEMPTS && refused == null; i++) {
				String key = this.client.key("fill" + i);
				HttpResponse<byte[]> response = this.client.put(key, mebibyte, "application/octet-stream");
				if (response.statusCode() == 507) {
					refused = response;
					refusedKey = key;
				}
				else {
					assertStatus(response, 201);
					stored.add(key);
				}
			}
			if (refused == null) {
				fail("The store took " + STORAGE_FULL_ATTEMPTS + " MiB and never answered 507; "
						+ "the services run this suite with storage.max-bytes=16MB");
			}
			assertProblem(refused, 507, "storage-full");
			assertProblem(this.client.get(refusedKey), 404, "not-found");
		}
		finally {
			for (String key : stored) {
				deletions.add(this.client.delete(key).statusCode());
			}
		}
		assertThat(deletions).as("deleting the objects that filled the store").containsOnly(204);
		String again = this.client.key("again");
		assertStatus(this.client.put(again, mebibyte, "application/octet-stream"), 201);
		assertStatus(this.client.delete(again), 204);
	}

}
