package dev.iomodels.loom;

import java.net.URI;

import dev.iomodels.contract.GuardedServiceContractTests;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The guards (write token, overload bound, request timeout, storage timeout), over real
 * HTTP, against loom-service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "storage.auth.token=" + GuardedServiceContractTests.TOKEN,
				"iomodels.server.max-concurrent-requests=4", "iomodels.server.max-buffered-request-bytes=1MB",
				"iomodels.server.request-timeout=3s", "iomodels.server.connection-timeout=5s",
				"storage.emulated-latency=1h", "storage.operation-timeout=600ms", "management.server.port=0" })
class LoomGuardedServiceContractTests extends GuardedServiceContractTests {

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

}
