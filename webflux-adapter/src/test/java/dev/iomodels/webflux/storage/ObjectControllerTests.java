package dev.iomodels.webflux.storage;

import dev.iomodels.storage.InMemoryObjectStore;
import dev.iomodels.storage.NonBlockingReactiveObjectStore;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ReactiveObjectStore;
import dev.iomodels.storage.StorageLimits;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The WebFlux adapter alone, on a small in-memory store: how requests map to the port and
 * how refusals become problems. The full contract over real HTTP runs in webflux-service
 * ({@code WebfluxOnEpollContractTests} and its siblings).
 */
@WebFluxTest(ObjectController.class)
class ObjectControllerTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ReactiveObjectStore store;

	@Test
	void putThenGetReturnsTheSameBytesAsOctetStreamByDefault() {
		this.client.put()
			.uri("/api/v1/objects/greeting")
			.bodyValue("hello".getBytes())
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/api/v1/objects/greeting")
			.expectBody()
			.jsonPath("$.size")
			.isEqualTo(5)
			.jsonPath("$.contentType")
			.isEqualTo("application/octet-stream");

		this.client.get()
			.uri("/api/v1/objects/greeting")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_TYPE, "application/octet-stream")
			.expectHeader()
			.contentLength(5)
			.expectBody(String.class)
			.isEqualTo("hello");
	}

	@Test
	void storedContentTypeIsSentBackVerbatimEvenWhereSpringCouldNotParseIt() {
		// A valid media type whose charset this JVM does not know: Spring's MediaType
		// parser refuses it (so does the test client's, hence the object is stored
		// through the port), but the API must still send it back as stored.
		String contentType = "text/plain; charset=x-unknown-charset";
		this.store.put(ObjectKey.of("odd"), "odd".getBytes(), contentType, Preconditions.NONE).block();

		this.client.get()
			.uri("/api/v1/objects/odd")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_TYPE, contentType);
	}

	@Test
	void invalidKeyIsRefusedWithAProblemAndNothingIsStored() {
		this.client.put()
			.uri("/api/v1/objects/.hidden")
			.bodyValue("x".getBytes())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:io-models:problem:invalid-key")
			.jsonPath("$.instance")
			.isEqualTo("/api/v1/objects/.hidden");

		this.client.get().uri("/api/v1/objects/.hidden").exchange().expectStatus().isBadRequest();
	}

	@Test
	void wrongMethodIsRefusedWithAllow() {
		this.client.post()
			.uri("/api/v1/objects/k")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "GET,HEAD,PUT,DELETE")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void listingForAClientThatAcceptsOnlyTextIsRefusedWithAProblemAnyway() {
		this.client.get()
			.uri("/api/v1/objects")
			.accept(MediaType.TEXT_PLAIN)
			.exchange()
			.expectStatus()
			.isEqualTo(406)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:io-models:problem:not-acceptable");
	}

	@Test
	void unparsableAcceptHeaderStillGetsTheProblemBody() {
		this.client.get()
			.uri("/api/v1/objects/missing")
			.header(HttpHeaders.ACCEPT, "garbage")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:io-models:problem:not-found")
			.jsonPath("$.instance")
			.isEqualTo("/api/v1/objects/missing");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SmallStore {

		@Bean
		ReactiveObjectStore reactiveObjectStore() {
			return new NonBlockingReactiveObjectStore(new InMemoryObjectStore(StorageLimits.DEFAULTS));
		}

	}

}
