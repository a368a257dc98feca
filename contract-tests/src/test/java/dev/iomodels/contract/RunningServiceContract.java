package dev.iomodels.contract;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs the contract against a service that is already running, for instance one started
 * with {@code java -jar} or in a container:
 *
 * <pre class="code">
 * ./mvnw -pl contract-tests test -Dtest=RunningServiceContract \
 *     -Dcontract.api=http://localhost:8081 -Dcontract.management=http://localhost:9081 \
 *     -Dcontract.model=platform-threads -Dcontract.transport=nio
 * </pre>
 *
 * Its name keeps it out of ordinary builds ({@code -Dtest} selects it), and without
 * {@code contract.api} it is skipped. {@link RunningServerExtension} reads the two
 * addresses; the checks of a web stack need the service in the test JVM, so none run. The
 * service must run with {@code storage.max-bytes=16MB}, and on the same Java runtime as
 * the tests, since the info test compares versions.
 */
@EnabledIfSystemProperty(named = RunningServerExtension.API_PROPERTY, matches = ".+")
class RunningServiceContract extends StorageApiContractTests {

	RunningServiceContract() {
		super(ServiceUnderTest.of(System.getProperty("contract.model", "platform-threads"),
				System.getProperty("contract.transport", "nio"), ServerStack.NONE));
	}

}
