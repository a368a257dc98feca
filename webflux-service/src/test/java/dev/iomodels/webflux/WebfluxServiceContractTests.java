package dev.iomodels.webflux;

import java.net.URI;

import dev.iomodels.contract.StorageApiContractTests;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API contract, over real HTTP, against webflux-service, with BlockHound watching
 * every event-loop thread while it runs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "storage.max-bytes=16MB", "management.server.port=0" })
class WebfluxServiceContractTests extends StorageApiContractTests {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Override
	protected URI apiBaseUri() {
		return URI.create("http://localhost:" + this.port);
	}

	@Override
	protected URI managementBaseUri() {
		return URI.create("http://localhost:" + this.managementPort);
	}

	@Override
	protected String expectedModel() {
		return "event-loop";
	}

}
