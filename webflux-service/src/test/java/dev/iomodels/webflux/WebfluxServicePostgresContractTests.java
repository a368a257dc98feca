package dev.iomodels.webflux;

import dev.iomodels.contract.ContractSpringBootTest;
import dev.iomodels.contract.StorageApiContractTests;
import dev.iomodels.contract.netty.ReactorNettyServer;
import dev.iomodels.postgres.testing.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole API contract, over real HTTP, against webflux-service on the postgres backend
 * (on its default transport): a real PostgreSQL (embedded, one per test JVM) and a
 * database of this class's own. BlockHound watches every event-loop thread, so a blocking
 * call anywhere on the R2DBC path fails it.
 */
@ContractSpringBootTest
class WebfluxServicePostgresContractTests extends StorageApiContractTests {

	WebfluxServicePostgresContractTests() {
		super(ReactorNettyServer.eventLoop().onBackend("postgres"));
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestDatabases.usePostgres(registry, "webflux_contract");
	}

}
