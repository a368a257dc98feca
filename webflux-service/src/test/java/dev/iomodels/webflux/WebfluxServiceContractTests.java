package dev.iomodels.webflux;

import dev.iomodels.webflux.contract.ReactorNettyServiceContractTests;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The API contract, over real HTTP, against webflux-service, with BlockHound watching
 * every event-loop thread while it runs; one subclass per transport.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "storage.max-bytes=16MB", "management.server.port=0" })
abstract class WebfluxServiceContractTests extends ReactorNettyServiceContractTests {

	@Override
	protected String expectedModel() {
		return "event-loop";
	}

}
