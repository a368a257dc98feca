package dev.iomodels.contract;

import java.net.URI;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs the contract against a service that is already running, for instance one started
 * with {@code java -jar} or in a container:
 *
 * <pre class="code">
 * ./mvnw -pl shared-domain test -Dtest=RunningServiceContract \
 *     -Dcontract.api=http://localhost:8081 -Dcontract.management=http://localhost:9081 \
 *     -Dcontract.model=platform-threads -Dcontract.transport=nio
 * </pre>
 *
 * Its name keeps it out of ordinary builds ({@code -Dtest} selects it), and without
 * {@code contract.api} it is skipped. The service must run with
 * {@code storage.max-bytes=16MB}, and on the same Java runtime as the tests, since the
 * info test compares versions.
 */
@EnabledIfSystemProperty(named = "contract.api", matches = ".+")
class RunningServiceContract extends StorageApiContractTests {

	@Override
	protected URI apiBaseUri() {
		return URI.create(System.getProperty("contract.api"));
	}

	@Override
	protected URI managementBaseUri() {
		return URI.create(System.getProperty("contract.management", System.getProperty("contract.api")));
	}

	@Override
	protected String expectedModel() {
		return System.getProperty("contract.model", "platform-threads");
	}

	@Override
	protected String expectedTransport() {
		return System.getProperty("contract.transport", "nio");
	}

}
