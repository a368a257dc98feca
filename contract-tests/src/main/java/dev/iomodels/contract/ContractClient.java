package dev.iomodels.contract;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;

import static dev.iomodels.contract.ApiAssertions.assertStatus;
import static dev.iomodels.contract.ApiAssertions.json;

/**
 * One contract test's client of the service under test: it sends the test's requests,
 * keeps every answer for the check against the OpenAPI document the service serves, and
 * names the test's keys under a random prefix of its own, so that no test sees another's
 * objects.
 * <p>
 * A suite makes one per test (JUnit makes a suite instance per test) and hands it to its
 * sections; it is connected to the running service before each test, since the sections
 * are made before the service's address is resolved.
 */
final class ContractClient {

	/** The collection of objects. */
	static final String OBJECTS = "/api/v1/objects";

	/** Every answer of the test, for the check against the OpenAPI document. */
	private final ServedAnswers answers = new ServedAnswers();

	private RunningServer server;

	private String prefix;

	/**
	 * Point the client at the service, with a fresh key prefix.
	 * @param server where the service listens
	 */
	void connect(RunningServer server) {
		this.server = server;
		this.prefix = ContractHttp.randomPrefix();
	}

	/**
	 * Return where the service listens.
	 * @return the running server
	 */
	RunningServer server() {
		if (this.server == null) {
			throw new IllegalStateException("Not connected: the suite connects its client before each test");
		}
		return this.server;
	}

	/**
	 * Return the test's key prefix.
	 * @return a letter, twelve hex digits and a hyphen
	 */
	String prefix() {
		server();
		return this.prefix;
	}

	/**
	 * Return a key of the test.
	 * @param name what follows the prefix
	 * @return the key
	 */
	String key(String name) {
		return prefix() + name;
	}

	/**
	 * Return a key of the test of a given length.
	 * @param length the number of characters, more than the prefix has
	 * @return the key
	 */
	String longKey(int length) {
		return prefix() + "k".repeat(length - prefix().length());
	}

	/**
	 * Return the path of an object.
	 * @param rawKey the key as sent, percent-encoded or not
	 * @return the raw path
	 */
	static String objectPath(String rawKey) {
		return OBJECTS + "/" + rawKey;
	}

	/**
	 * Start a request to the API.
	 * @param rawPathAndQuery the raw path, optionally with a raw query
	 * @return the request builder
	 */
	HttpRequest.Builder api(String rawPathAndQuery) {
		return ContractHttp.request(server().api(), rawPathAndQuery);
	}

	/**
	 * Start a request to the management endpoints.
	 * @param rawPathAndQuery the raw path, optionally with a raw query
	 * @return the request builder
	 */
	HttpRequest.Builder management(String rawPathAndQuery) {
		return ContractHttp.request(server().management(), rawPathAndQuery);
	}

	/**
	 * Send a request and keep its answer for the check against the document.
	 * @param request the request
	 * @return the response
	 */
	HttpResponse<byte[]> send(HttpRequest.Builder request) {
		return send(request.build());
	}

	/**
	 * Send a request and keep its answer for the check against the document.
	 * @param request the request
	 * @return the response
	 */
	HttpResponse<byte[]> send(HttpRequest request) {
		HttpResponse<byte[]> response = ContractHttp.send(request);
		this.answers.add(response);
		return response;
	}

	/**
	 * Keep an answer the test read off a socket of its own.
	 * @param answer the request's method and path, and the answer
	 */
	void record(OpenApiDocument.Answer answer) {
		this.answers.add(answer);
	}

	/**
	 * Store an object.
	 * @param rawKey the key as sent
	 * @param body the bytes
	 * @param contentType the Content-Type, or {@code null} for none
	 * @param headers further header names and values, alternately
	 * @return the response
	 */
	HttpResponse<byte[]> put(String rawKey, byte[] body, String contentType, String... headers) {
		HttpRequest.Builder request = withHeaders(api(objectPath(rawKey)).PUT(BodyPublishers.ofByteArray(body)),
				headers);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request);
	}

	/**
	 * Read an object.
	 * @param rawKey the key as sent
	 * @param headers header names and values, alternately
	 * @return the response
	 */
	HttpResponse<byte[]> get(String rawKey, String... headers) {
		return send(withHeaders(api(objectPath(rawKey)).GET(), headers));
	}

	/**
	 * Delete an object.
	 * @param rawKey the key as sent
	 * @param headers header names and values, alternately
	 * @return the response
	 */
	HttpResponse<byte[]> delete(String rawKey, String... headers) {
		return send(withHeaders(api(objectPath(rawKey)).DELETE(), headers));
	}

	/**
	 * List objects.
	 * @param rawQuery the raw query, without {@code ?}
	 * @return the response
	 */
	HttpResponse<byte[]> list(String rawQuery) {
		return send(api(OBJECTS + "?" + rawQuery).GET());
	}

	/**
	 * Create an object under a new key.
	 * @param key the key
	 * @param body the bytes
	 * @param contentType the Content-Type
	 * @return its metadata, from the 201 answer
	 */
	JsonNode create(String key, byte[] body, String contentType) {
		HttpResponse<byte[]> response = put(key, body, contentType);
		assertStatus(response, 201);
		return json(response);
	}

	/**
	 * Assert that the OpenAPI document the service serves describes every answer the test
	 * received: its status, headers and body.
	 */
	void assertEveryAnswerIsDescribedByTheServedDocument() {
		this.answers.assertDescribedBy(ContractHttp.send(api("/api/v1/openapi.yaml").GET().build()));
	}

	private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return request;
	}

}
