package dev.iomodels.classic;

import dev.iomodels.mvc.contract.TomcatServiceContractTests;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API contract, over real HTTP, against classic-service; one subclass per transport.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "storage.max-bytes=16MB", "management.server.port=0" })
abstract class ClassicServiceContractTests extends TomcatServiceContractTests {

	@Override
	protected String expectedModel() {
		return "platform-threads";
	}

	/**
	 * The platform pool is the one connector setting that is the I/O model itself: the
	 * fairness table's 200 threads, as {@code /api/v1/info} reports them.
	 */
	@Test
	void theApiConnectorServesFromThePlatformPoolThatInfoReports() {
		JsonNode server = info().path("server");
		AbstractHttp11Protocol<?> http = (AbstractHttp11Protocol<?>) protocolHandler();
		assertThat(http.getMaxThreads()).as(server.toString())
			.isEqualTo(server.path("workerThreads").intValue())
			.isEqualTo(200);
	}

}
