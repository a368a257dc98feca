package dev.iomodels.webflux.storage;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import dev.iomodels.service.JsonResponses;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last line of error rendering: whatever reaches it leaves as the API's problem JSON,
 * never as Spring Boot's error attributes, and whatever the client accepts.
 */
class ProblemWebExceptionHandlerTests {

	private final ProblemWebExceptionHandler handler = new ProblemWebExceptionHandler(
			new JsonResponses(JsonMapper.builder().build()));

	@Test
	void frameworkErrorBecomesItsProblem() {
		MockServerWebExchange exchange = exchange(
				MockServerHttpRequest.method(HttpMethod.POST, URI.create("/api/v1/objects/a%2Fb"))
					.header(HttpHeaders.ACCEPT, "text/plain"));
		this.handler.handle(exchange, new MethodNotAllowedException("POST", Set.of(HttpMethod.GET)))
			.block(Duration.ofSeconds(5));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW)).isEqualTo("GET,HEAD");
		assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
			.contains("\"type\":\"urn:io-models:problem:method-not-allowed\"")
			.contains("\"instance\":\"/api/v1/objects/a%2Fb\"")
			.doesNotContain("timestamp");
	}

	@Test
	void refusalBecomesItsProblem() {
		MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/v1/objects/x"));
		this.handler.handle(exchange, new ProblemException(ProblemType.NOT_FOUND, "Gone."))
			.block(Duration.ofSeconds(5));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
			.contains("\"detail\":\"Gone.\"");
	}

	@Test
	void anythingElseIsAnInternalErrorThatLeaksNothing() {
		MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/v1/info"));
		this.handler.handle(exchange, new IllegalStateException("secret internals")).block(Duration.ofSeconds(5));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
			.contains("urn:io-models:problem:internal-error")
			.doesNotContain("secret");
	}

	@Test
	void serverErrorStatusIsAnInternalError() {
		MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/v1/info"));
		this.handler.handle(exchange, new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE))
			.block(Duration.ofSeconds(5));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
		return MockServerWebExchange.from(request);
	}

}
