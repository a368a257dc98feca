package dev.iomodels.mvc.storage;

import java.nio.charset.StandardCharsets;

import dev.iomodels.storage.InMemoryObjectStore;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.StorageLimits;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MVC adapter alone, on a small in-memory store: how requests map to the port and how
 * refusals become problems. The full contract over real HTTP runs in the services.
 */
@WebMvcTest(ObjectController.class)
class ObjectControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void putThenGetReturnsTheSameBytesAsOctetStreamByDefault() {
		// Not text/*: the mock request would add a charset to a text type's header,
		// Tomcat does not.
		MvcTestResult put = this.mvc.put()
			.uri("/api/v1/objects/greeting")
			.content("hello".getBytes(StandardCharsets.UTF_8))
			.exchange();
		assertThat(put).hasStatus(201).hasHeader(HttpHeaders.LOCATION, "/api/v1/objects/greeting");
		assertThat(put).bodyJson().extractingPath("$.size").isEqualTo(5);
		assertThat(put).bodyJson().extractingPath("$.contentType").isEqualTo("application/octet-stream");

		MvcTestResult get = this.mvc.get().uri("/api/v1/objects/greeting").exchange();
		assertThat(get).hasStatusOk().hasContentType("application/octet-stream").hasBodyTextEqualTo("hello");
	}

	@Test
	void invalidKeyIsRefusedWithAProblemAndNothingIsStored() {
		MvcTestResult put = this.mvc.put().uri("/api/v1/objects/.hidden").content("x").exchange();
		assertThat(put).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(put).bodyJson().extractingPath("$.type").isEqualTo("urn:io-models:problem:invalid-key");
		assertThat(put).bodyJson().extractingPath("$.instance").isEqualTo("/api/v1/objects/.hidden");
	}

	@Test
	void createOnlyPutOfAnExistingKeyFailsItsPrecondition() {
		this.mvc.put().uri("/api/v1/objects/once").content("first").exchange();
		MvcTestResult again = this.mvc.put()
			.uri("/api/v1/objects/once")
			.header(HttpHeaders.IF_NONE_MATCH, "*")
			.content("second")
			.exchange();
		assertThat(again).hasStatus(412);
		assertThat(again).bodyJson().extractingPath("$.type").isEqualTo("urn:io-models:problem:precondition-failed");
		assertThat(this.mvc.get().uri("/api/v1/objects/once").exchange()).hasBodyTextEqualTo("first");
	}

	@Test
	void wrongMethodIsRefusedWithAllow() {
		MvcTestResult post = this.mvc.post().uri("/api/v1/objects/k").exchange();
		assertThat(post).hasStatus(405).hasHeader(HttpHeaders.ALLOW, "GET,HEAD,PUT,DELETE");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SmallStore {

		@Bean
		ObjectStore objectStore() {
			return new InMemoryObjectStore(StorageLimits.DEFAULTS);
		}

	}

}
