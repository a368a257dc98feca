package dev.iomodels.webflux;

import java.net.URI;

import dev.iomodels.contract.StorageApiContractTests;
import dev.iomodels.postgres.testing.TestDatabases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole API contract, over real HTTP, against webflux-service on the postgres
 * backend: a real PostgreSQL (embedded, one per test JVM) and a database of this class's
 * own. BlockHound watches every event-loop thread, so a blocking call anywhere on the
 * R2DBC path fails it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "storage.max-bytes=16MB", "management.server.port=0" })
class WebfluxServicePostgresContractTests extends StorageApiContractTests {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestDatabases.usePostgres(registry, "webflux_contract");
	}

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

	@Override
	protected String expectedBackend() {
		return "postgres";
	}

}
