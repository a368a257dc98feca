package dev.iomodels.contract;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.iomodels.contract.ApiAssertions.assertProblem;
import static dev.iomodels.contract.ApiAssertions.assertStatus;
import static dev.iomodels.contract.ApiAssertions.instant;
import static dev.iomodels.contract.ContractClient.objectPath;
import static dev.iomodels.contract.ContractHttp.describe;
import static dev.iomodels.contract.ContractHttp.etagOf;
import static dev.iomodels.contract.ContractHttp.header;
import static dev.iomodels.contract.ContractHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET and HEAD of an object.
 * <p>
 * A section of {@link StorageApiContractTests}, run by it as its {@code @Nested} class
 * {@code Reads}.
 */
abstract class ReadsContract {

	/** The test's client of the service. */
	private final ContractClient client;

	ReadsContract(ContractClient client) {
		this.client = client;
	}

	@Test
	void getAnswersStoredBytesWithContentTypeEtagLastModifiedAndContentLength() {
		String key = this.client.key("read");
		byte[] body = randomBytes(1000);
		JsonNode metadata = this.client.create(key, body, "application/x-contract");
		HttpResponse<byte[]> response = this.client.get(key);
		assertStatus(response, 200);
		assertThat(response.body()).isEqualTo(body);
		assertThat(header(response, "Content-Type")).as(describe(response)).isEqualTo("application/x-contract");
		assertThat(header(response, "ETag")).as(describe(response)).isEqualTo(etagOf(body));
		assertThat(header(response, "Content-Length")).as(describe(response)).isEqualTo("1000");
		assertThat(lastModified(response)).as(describe(response))
			.isEqualTo(instant(metadata, "modified").truncatedTo(ChronoUnit.SECONDS));
	}

	@Test
	void getOfMissingKeyAnswers404NotFound() {
		assertProblem(this.client.get(this.client.key("missing")), 404, "not-found");
	}

	@Test
	void headAnswersSameStatusAndHeadersAsGetWithoutBody() {
		String key = this.client.key("head");
		byte[] body = randomBytes(777);
		this.client.create(key, body, "application/x-head");
		HttpResponse<byte[]> get = this.client.get(key);
		HttpResponse<byte[]> head = this.client.send(this.client.api(objectPath(key)).HEAD());
		assertStatus(get, 200);
		assertStatus(head, 200);
		assertThat(head.body()).isEmpty();
		assertThat(header(head, "Content-Length")).as(describe(head)).isEqualTo("777");
		assertThat(header(head, "ETag")).as(describe(head)).isEqualTo(etagOf(body)).isEqualTo(header(get, "ETag"));
		assertThat(header(head, "Content-Type")).as(describe(head)).isEqualTo(header(get, "Content-Type"));
		assertThat(header(head, "Last-Modified")).as(describe(head)).isEqualTo(header(get, "Last-Modified"));
	}

	@Test
	void headOfMissingKeyAnswers404WithoutBody() {
		HttpResponse<byte[]> head = this.client.send(this.client.api(objectPath(this.client.key("missing"))).HEAD());
		assertStatus(head, 404);
		assertThat(head.body()).isEmpty();
	}

	private static Instant lastModified(HttpResponse<byte[]> response) {
		String value = header(response, "Last-Modified");
		assertThat(value).as(describe(response)).isNotNull();
		return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
	}

}
