package dev.iomodels.contract;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import dev.iomodels.storage.ProblemType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.iomodels.contract.ContractHttp.describe;
import static dev.iomodels.contract.ContractHttp.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assertions the contract suites share about an answer of the API: its status, the
 * RFC 9457 problem of a refusal, and the JSON of its body. Each failure says what the
 * service actually answered.
 */
final class ApiAssertions {

	private static final String PROBLEM_TYPE_PREFIX = "urn:io-models:problem:";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiAssertions() {
	}

	/**
	 * Assert that a response is the API's RFC 9457 problem for a refusal.
	 * @param response the response
	 * @param status the expected HTTP status
	 * @param slug the expected problem type's slug, e.g. {@code not-found}
	 * @return the problem
	 */
	static JsonNode assertProblem(HttpResponse<byte[]> response, int status, String slug) {
		ProblemType type = Arrays.stream(ProblemType.values())
			.filter((candidate) -> candidate.slug().equals(slug))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No problem type " + slug));
		assertThat(type.status()).as("status of %s", slug).isEqualTo(status);
		String description = describe(response);
		assertThat(response.statusCode()).as(description).isEqualTo(status);
		assertThat(header(response, "Content-Type")).as(description).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.isObject()).as(description).isTrue();
		assertThat(problem.path("type").stringValue()).as(description).isEqualTo(PROBLEM_TYPE_PREFIX + slug);
		assertThat(problem.path("title").stringValue()).as(description).isEqualTo(type.title());
		assertThat(problem.path("status").isIntegralNumber()).as(description).isTrue();
		assertThat(problem.path("status").intValue()).as(description).isEqualTo(status);
		assertThat(problem.path("detail").stringValue()).as(description).isNotBlank();
		assertThat(problem.path("instance").stringValue()).as(description)
			.isEqualTo(response.request().uri().getRawPath());
		return problem;
	}

	/**
	 * Assert that a response is the problem of a storage operation that took longer than
	 * the storage operation timeout.
	 * @param response the response
	 * @return the problem
	 */
	static JsonNode assertStorageTimeout(HttpResponse<byte[]> response) {
		return assertProblem(response, 504, "storage-timeout");
	}

	/**
	 * Assert a response's status.
	 * @param response the response
	 * @param status the expected status
	 */
	static void assertStatus(HttpResponse<byte[]> response, int status) {
		assertThat(response.statusCode()).as(describe(response)).isEqualTo(status);
	}

	/**
	 * Assert that a response is JSON ({@code application/json}) and read it.
	 * @param response the response
	 * @return the body as a tree
	 */
	static JsonNode json(HttpResponse<byte[]> response) {
		return json(response, true);
	}

	/**
	 * Read a response's body as JSON.
	 * @param response the response
	 * @param applicationJson whether to assert that its Content-Type is
	 * {@code application/json} (the actuator answers its own media types)
	 * @return the body as a tree
	 */
	static JsonNode json(HttpResponse<byte[]> response, boolean applicationJson) {
		if (applicationJson) {
			assertThat(header(response, "Content-Type")).as(describe(response)).startsWith("application/json");
		}
		return JSON.readTree(response.body());
	}

	/**
	 * Assert that a field of a JSON object is a string and return it.
	 * @param node the object
	 * @param field the field's name
	 * @return the string
	 */
	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		assertThat(value.isString()).as("%s is a string in %s", field, node).isTrue();
		return value.stringValue();
	}

	/**
	 * Assert that a field of a JSON object is an ISO-8601 instant and return it.
	 * @param node the object
	 * @param field the field's name
	 * @return the instant
	 */
	static Instant instant(JsonNode node, String field) {
		return Instant.parse(text(node, field));
	}

	/**
	 * Return the UTF-8 bytes of a text.
	 * @param text the text
	 * @return its bytes
	 */
	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
