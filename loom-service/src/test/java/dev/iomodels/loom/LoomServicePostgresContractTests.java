package dev.iomodels.loom;

import dev.iomodels.contract.ContractSpringBootTest;
import dev.iomodels.contract.StorageApiContractTests;
import dev.iomodels.contract.tomcat.TomcatServer;
import dev.iomodels.postgres.testing.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole API contract, over real HTTP, against loom-service on the postgres backend
 * (on its default transport): a real PostgreSQL (embedded, one per test JVM) and a
 * database of this class's own.
 */
@ContractSpringBootTest
class LoomServicePostgresContractTests extends StorageApiContractTests {

	LoomServicePostgresContractTests() {
		super(TomcatServer.virtualThreads().onBackend("postgres"));
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestDatabases.usePostgres(registry, "loom_contract");
	}

}
