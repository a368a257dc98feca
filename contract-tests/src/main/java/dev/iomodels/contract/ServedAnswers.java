package dev.iomodels.contract;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer a contract test received, to be checked against the OpenAPI document the
 * service serves: each answer on a documented path must be one its operation lists, with
 * the headers and body the document declares ({@link OpenApiDocument#mismatches(List)}).
 * Thread-safe: tests send concurrent requests.
 */
final class ServedAnswers {

	private final List<OpenApiDocument.Answer> answers = new ArrayList<>();

	/**
	 * Record an answer.
	 * @param answer the method, path, status, headers and body
	 */
	synchronized void add(OpenApiDocument.Answer answer) {
		this.answers.add(answer);
	}

	/**
	 * Record an answer.
	 * @param response the response, with its request
	 */
	void add(HttpResponse<byte[]> response) {
		add(OpenApiDocument.Answer.of(response));
	}

	/**
	 * Assert that the document describes every answer recorded.
	 * @param document the service's answer to {@code GET /api/v1/openapi.yaml}
	 */
	void assertDescribedBy(HttpResponse<byte[]> document) {
		assertThat(document.statusCode()).as("GET /api/v1/openapi.yaml").isEqualTo(200);
		OpenApiDocument served = OpenApiDocument.of(new String(document.body(), StandardCharsets.UTF_8));
		List<OpenApiDocument.Answer> answered;
		synchronized (this) {
			answered = List.copyOf(this.answers);
		}
		assertThat(served.mismatches(answered)).as("answers that /api/v1/openapi.yaml does not describe").isEmpty();
	}

}
