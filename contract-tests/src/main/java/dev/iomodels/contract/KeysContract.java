package dev.iomodels.contract;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.iomodels.contract.ApiAssertions.assertProblem;
import static dev.iomodels.contract.ApiAssertions.assertStatus;
import static dev.iomodels.contract.ApiAssertions.bytes;
import static dev.iomodels.contract.ApiAssertions.json;
import static dev.iomodels.contract.ApiAssertions.text;
import static dev.iomodels.contract.ContractClient.OBJECTS;
import static dev.iomodels.contract.ContractClient.objectPath;
import static dev.iomodels.contract.ContractHttp.describe;
import static dev.iomodels.contract.ContractHttp.etagOf;
import static dev.iomodels.contract.ContractHttp.header;
import static dev.iomodels.contract.ContractHttp.listHeader;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a key may be, and what a bad one gets: every bad key is refused the same way on
 * every method.
 * <p>
 * A section of {@link StorageApiContractTests}, run by it as its {@code @Nested} class
 * {@code Keys}.
 */
abstract class KeysContract {

	/** The test's client of the service. */
	private final ContractClient client;

	KeysContract(ContractClient client) {
		this.client = client;
	}

	@Test
	void keyOf256CharactersIsAccepted() {
		String key = this.client.longKey(256);
		byte[] body = bytes("longest key");
		HttpResponse<byte[]> put = this.client.put(key, body, "text/plain");
		assertStatus(put, 201);
		assertThat(json(put).path("key").stringValue()).isEqualTo(key);
		HttpResponse<byte[]> get = this.client.get(key);
		assertStatus(get, 200);
		assertThat(get.body()).isEqualTo(body);
	}

	@Test
	void keyOfOneCharacterIsAccepted() {
		// The one test of a class that uses this key; cleared first in case a service
		// that runs the suite again (RunningServiceContract) still holds it.
		String key = "Q";
		assertThat(this.client.delete(key).statusCode()).isIn(204, 404);
		byte[] body = bytes("shortest key");
		HttpResponse<byte[]> put = this.client.put(key, body, "text/plain");
		assertStatus(put, 201);
		assertThat(json(put).path("key").stringValue()).isEqualTo(key);
		assertThat(header(put, "Location")).isEqualTo(OBJECTS + "/" + key);
		assertThat(this.client.get(key).body()).isEqualTo(body);
		assertStatus(this.client.delete(key), 204);
	}

	@Test
	void keyOf257CharactersAnswers400InvalidKeyOnGetPutAndDelete() {
		String key = this.client.longKey(257);
		assertProblem(this.client.put(key, bytes("too long"), "text/plain"), 400, "invalid-key");
		assertProblem(this.client.get(key), 400, "invalid-key");
		assertProblem(this.client.delete(key), 400, "invalid-key");
		assertProblem(this.client.get(this.client.longKey(256)), 404, "not-found");
	}

	@Test
	void emptyKeyAnswers400InvalidKeyOnGetHeadPutAndDelete() {
		// /api/v1/objects/ names no key at all: a key of 0 characters, outside the
		// grammar like any other bad key, not an unknown path.
		assertProblem(this.client.put("", bytes("not stored"), "text/plain"), 400, "invalid-key");
		assertProblem(this.client.get(""), 400, "invalid-key");
		assertProblem(this.client.delete(""), 400, "invalid-key");
		HttpResponse<byte[]> head = this.client.send(this.client.api(objectPath("")).HEAD());
		assertStatus(head, 400);
		assertThat(head.body()).isEmpty();
		HttpResponse<byte[]> post = this.client
			.send(this.client.api(objectPath("")).POST(BodyPublishers.ofString("x")));
		assertProblem(post, 405, "method-not-allowed");
		assertThat(listHeader(post, "Allow")).as(describe(post)).contains("GET", "HEAD", "PUT", "DELETE");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "-bad", ".hidden", "_underscore-first", "~tilde-first", "a%20b", "a%2Fb", "a%2fb",
			"%C3%A9", "a%25b", "a%3Fb" })
	void keyOutsideTheGrammarAnswers400InvalidKeyOnGetPutAndDelete(String rawKey) {
		assertProblem(this.client.put(rawKey, bytes("not stored"), "text/plain"), 400, "invalid-key");
		assertProblem(this.client.get(rawKey), 400, "invalid-key");
		assertProblem(this.client.delete(rawKey), 400, "invalid-key");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "a%00b", "a%1Fb", "a%7Fb", "..", ".", "%2e%2E", "%2E" })
	void pathWithControlCharacterDotSegmentOrBrokenEscapeAnswers400MalformedRequestOnGetPutAndDelete(String rawKey) {
		// Tomcat refuses or normalizes such paths before the application sees them and
		// Reactor Netty does not, so every service applies one rule before routing. (A
		// broken percent-escape is refused by the same rule but cannot be sent with
		// java.net.URI.)
		assertProblem(this.client.put(rawKey, bytes("not stored"), "text/plain"), 400, "malformed-request");
		assertProblem(this.client.get(rawKey), 400, "malformed-request");
		assertProblem(this.client.delete(rawKey), 400, "malformed-request");
	}

	@Test
	void keyWithEveryAllowedCharacterIsAccepted() {
		String key = this.client.key("Az09._~-end");
		HttpResponse<byte[]> put = this.client.put(key, bytes("unreserved"), "text/plain");
		assertStatus(put, 201);
		assertThat(json(put).path("key").stringValue()).isEqualTo(key);
		assertThat(header(put, "Location")).isEqualTo(OBJECTS + "/" + key);
		assertStatus(this.client.get(key), 200);
	}

	@Test
	void percentEncodedKeyIsDecodedBeforeUse() {
		String suffix = this.client.prefix() + "pct";
		String key = "Abc" + suffix;
		byte[] body = bytes("decoded");
		HttpResponse<byte[]> put = this.client.put("%41bc" + suffix, body, "text/plain");
		assertStatus(put, 201);
		assertThat(json(put).path("key").stringValue()).isEqualTo(key);
		assertThat(header(put, "Location")).isEqualTo(OBJECTS + "/" + key);
		HttpResponse<byte[]> get = this.client.get(key);
		assertStatus(get, 200);
		assertThat(get.body()).isEqualTo(body);
		assertThat(header(get, "ETag")).isEqualTo(etagOf(body));
		HttpResponse<byte[]> replace = this.client.put(key, bytes("same object"), "text/plain");
		assertStatus(replace, 200);
		HttpResponse<byte[]> encodedGet = this.client.get("%41bc" + suffix);
		assertStatus(encodedGet, 200);
		assertThat(encodedGet.body()).isEqualTo(bytes("same object"));
	}

}
