package dev.iomodels.contract;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What only the service's web stack can tell: which connector or channel serves the API,
 * and with which settings. The checks are data of the {@link ServiceUnderTest}
 * ({@code dev.iomodels.contract.tomcat}, {@code dev.iomodels.contract.netty}), one test
 * each; a service that runs outside the test JVM has none.
 * <p>
 * A section of {@link StorageApiContractTests}, run by it as its {@code @Nested} class
 * {@code ApiServer}.
 */
abstract class ApiServerContract {

	/** The test's client of the service. */
	private final ContractClient client;

	/** What the service must report about itself, with its web stack checks. */
	private final ServiceUnderTest service;

	ApiServerContract(ContractClient client, ServiceUnderTest service) {
		this.client = client;
		this.service = service;
	}

	@TestFactory
	Stream<DynamicTest> runsAsItsWebStackPromises() {
		return this.service.serverChecks()
			.stream()
			.map((check) -> DynamicTest.dynamicTest(check.name(), () -> verify(check)));
	}

	private void verify(ServerCheck check) throws Throwable {
		try {
			check.check().accept(this.client.server());
		}
		catch (AssertionError ex) {
			// A report may name the test by its index alone: say which check failed.
			throw new AssertionError(check.name() + ": " + ex.getMessage(), ex);
		}
	}

}
