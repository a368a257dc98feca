package dev.iomodels.contract;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer a contract test received, to be checked against the OpenAPI document the
 * service serves: each status on a documented path must be listed for its operation.
 * Thread-safe: tests send concurrent requests.
 */
final class ServedAnswers {

	private final List<OpenApiDocument.Exchange> exchanges = new ArrayList<>();

	/**
	 * Record an answer.
	 * @param exchange the method, path and status
	 */
	synchronized void add(OpenApiDocument.Exchange exchange) {
		this.exchanges.add(exchange);
	}

	/**
	 * Record an answer.
	 * @param response the response, with its request
	 */
	void add(HttpResponse<?> response) {
		add(OpenApiDocument.Exchange.of(response));
	}

	/**
	 * Assert that the document lists every answer recorded.
	 * @param document the service's answer to {@code GET /api/v1/openapi.yaml}
	 */
	void assertListedBy(HttpResponse<byte[]> document) {
		assertThat(document.statusCode()).as("GET /api/v1/openapi.yaml").isEqualTo(200);
		OpenApiDocument statuses = OpenApiDocument.of(new String(document.body(), StandardCharsets.UTF_8));
		List<OpenApiDocument.Exchange> answered;
		synchronized (this) {
			answered = List.copyOf(this.exchanges);
		}
		assertThat(statuses.mismatches(answered)).as("answers that /api/v1/openapi.yaml does not list").isEmpty();
	}

}
