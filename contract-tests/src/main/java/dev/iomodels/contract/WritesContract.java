package dev.iomodels.contract;

import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.iomodels.contract.ApiAssertions.assertProblem;
import static dev.iomodels.contract.ApiAssertions.assertStatus;
import static dev.iomodels.contract.ApiAssertions.bytes;
import static dev.iomodels.contract.ApiAssertions.instant;
import static dev.iomodels.contract.ApiAssertions.json;
import static dev.iomodels.contract.ApiAssertions.text;
import static dev.iomodels.contract.ContractClient.OBJECTS;
import static dev.iomodels.contract.ContractHttp.describe;
import static dev.iomodels.contract.ContractHttp.etagOf;
import static dev.iomodels.contract.ContractHttp.header;
import static dev.iomodels.contract.ContractHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PUT: what is stored, what the answer says about it, and what is refused before anything
 * is stored.
 * <p>
 * A section of {@link StorageApiContractTests}, run by it as its {@code @Nested} class
 * {@code Writes}.
 */
abstract class WritesContract {

	/** The test's client of the service. */
	private final ContractClient client;

	WritesContract(ContractClient client) {
		this.client = client;
	}

	@Test
	void putOfNewKeyAnswers201WithLocationEtagAndMetadata() {
		String key = this.client.key("new");
		byte[] body = randomBytes(3000);
		Instant before = Instant.now().minusSeconds(5);
		HttpResponse<byte[]> response = this.client.put(key, body, "application/x-contract");
		Instant after = Instant.now().plusSeconds(5);
		assertStatus(response, 201);
		assertThat(header(response, "Location")).as(describe(response)).isEqualTo(OBJECTS + "/" + key);
		assertThat(header(response, "ETag")).as(describe(response)).isEqualTo(etagOf(body));
		JsonNode metadata = json(response);
		assertThat(metadata.propertyNames()).as(describe(response))
			.containsExactlyInAnyOrder("key", "size", "contentType", "etag", "created", "modified");
		assertThat(metadata.path("key").stringValue()).isEqualTo(key);
		assertThat(metadata.path("size").isIntegralNumber()).as(describe(response)).isTrue();
		assertThat(metadata.path("size").longValue()).isEqualTo(3000);
		assertThat(metadata.path("contentType").stringValue()).isEqualTo("application/x-contract");
		assertThat(metadata.path("etag").stringValue()).isEqualTo(etagOf(body));
		Instant created = instant(metadata, "created");
		Instant modified = instant(metadata, "modified");
		assertThat(created).isBetween(before, after);
		assertThat(modified).isAfterOrEqualTo(created).isBetween(before, after);
	}

	@Test
	void putOfExistingKeyAnswers200AndKeepsCreated() {
		String key = this.client.key("replaced");
		JsonNode first = this.client.create(key, bytes("first"), "text/plain");
		byte[] second = bytes("second version");
		HttpResponse<byte[]> response = this.client.put(key, second, "application/x-second");
		assertStatus(response, 200);
		assertThat(header(response, "ETag")).isEqualTo(etagOf(second));
		JsonNode metadata = json(response);
		assertThat(metadata.propertyNames()).containsExactlyInAnyOrder("key", "size", "contentType", "etag", "created",
				"modified");
		assertThat(metadata.path("key").stringValue()).isEqualTo(key);
		assertThat(metadata.path("size").longValue()).isEqualTo(second.length);
		assertThat(metadata.path("contentType").stringValue()).isEqualTo("application/x-second");
		assertThat(metadata.path("etag").stringValue()).isEqualTo(etagOf(second));
		assertThat(instant(metadata, "created")).isEqualTo(instant(first, "created"));
		assertThat(instant(metadata, "modified")).isAfterOrEqualTo(instant(metadata, "created"))
			.isAfterOrEqualTo(instant(first, "modified"));
		HttpResponse<byte[]> get = this.client.get(key);
		assertStatus(get, 200);
		assertThat(get.body()).isEqualTo(second);
		assertThat(header(get, "Content-Type")).isEqualTo("application/x-second");
	}

	@Test
	void putWithoutContentTypeStoresApplicationOctetStream() {
		String key = this.client.key("untyped");
		byte[] body = randomBytes(10);
		HttpResponse<byte[]> response = this.client.put(key, body, null);
		assertStatus(response, 201);
		assertThat(json(response).path("contentType").stringValue()).isEqualTo("application/octet-stream");
		HttpResponse<byte[]> get = this.client.get(key);
		assertStatus(get, 200);
		assertThat(header(get, "Content-Type")).isEqualTo("application/octet-stream");
	}

	@Test
	void putStoresContentTypeInCanonicalFormAndSendsItBackExactly() {
		String key = this.client.key("typed");
		HttpResponse<byte[]> response = this.client.put(key, bytes("héllo"),
				"text/plain; Charset=utf-8; Format=flowed");
		assertStatus(response, 201);
		String canonical = "text/plain;format=flowed;charset=utf-8";
		assertThat(json(response).path("contentType").stringValue()).isEqualTo(canonical);
		HttpResponse<byte[]> get = this.client.get(key);
		assertStatus(get, 200);
		assertThat(header(get, "Content-Type")).as(describe(get)).isEqualTo(canonical);
		assertThat(get.body()).isEqualTo(bytes("héllo"));
	}

	@Test
	void putWithUnknownCharsetAnswers400InvalidHeaderAndStoresNothing() {
		String key = this.client.key("charset");
		assertProblem(this.client.put(key, bytes("x"), "text/plain; charset=x-no-such-charset"), 400, "invalid-header");
		assertProblem(this.client.get(key), 404, "not-found");
	}

	@Test
	void putWithMalformedContentTypeAnswers400InvalidHeaderAndStoresNothing() {
		String key = this.client.key("badtype");
		assertProblem(this.client.put(key, bytes("x"), "nonsense"), 400, "invalid-header");
		assertProblem(this.client.get(key), 404, "not-found");
	}

	@Test
	void putOfEmptyBodyIsAccepted() {
		String key = this.client.key("empty");
		HttpResponse<byte[]> response = this.client.put(key, new byte[0], "text/plain");
		assertStatus(response, 201);
		assertThat(header(response, "ETag")).isEqualTo(etagOf(new byte[0]));
		assertThat(json(response).path("size").longValue()).isZero();
		HttpResponse<byte[]> get = this.client.get(key);
		assertStatus(get, 200);
		assertThat(get.body()).isEmpty();
		assertThat(header(get, "Content-Length")).isEqualTo("0");
		assertThat(header(get, "ETag")).isEqualTo(etagOf(new byte[0]));
	}

	@Test
	void putThatAcceptsNoJsonAnswers406NotAcceptableAndStoresNothing() {
		// The answer to a PUT is the metadata as JSON; a client that accepts only text
		// cannot be given it, and the write must not happen behind a refusal.
		String key = this.client.key("textonly");
		assertProblem(this.client.put(key, bytes("x"), "text/plain", "Accept", "text/plain"), 406, "not-acceptable");
		assertProblem(this.client.get(key), 404, "not-found");
	}

	@Test
	void sameBytesHaveTheSameEtagUnderAnyKey() {
		byte[] body = randomBytes(500);
		HttpResponse<byte[]> first = this.client.put(this.client.key("one"), body, "application/x-a");
		HttpResponse<byte[]> second = this.client.put(this.client.key("two"), body, "application/x-b");
		HttpResponse<byte[]> other = this.client.put(this.client.key("three"), randomBytes(500), "application/x-a");
		assertStatus(first, 201);
		assertStatus(second, 201);
		assertStatus(other, 201);
		assertThat(header(first, "ETag")).isEqualTo(etagOf(body)).isEqualTo(header(second, "ETag"));
		assertThat(header(other, "ETag")).isNotEqualTo(header(first, "ETag"));
	}

}
