package dev.iomodels.loom;

import dev.iomodels.mvc.contract.TomcatServiceContractTests;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The API contract, over real HTTP, against loom-service; one subclass per transport.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "storage.max-bytes=16MB", "management.server.port=0" })
abstract class LoomServiceContractTests extends TomcatServiceContractTests {

	@Override
	protected String expectedModel() {
		return "virtual-threads";
	}

}
