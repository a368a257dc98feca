package dev.iomodels.loom;

import dev.iomodels.postgres.testing.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole API contract, over real HTTP, against loom-service on the postgres backend
 * (on its default transport): a real PostgreSQL (embedded, one per test JVM) and a
 * database of this class's own.
 */
class LoomServicePostgresContractTests extends LoomServiceContractTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestDatabases.usePostgres(registry, "loom_contract");
	}

	@Override
	protected String expectedTransport() {
		return "nio";
	}

	@Override
	protected String expectedBackend() {
		return "postgres";
	}

}
