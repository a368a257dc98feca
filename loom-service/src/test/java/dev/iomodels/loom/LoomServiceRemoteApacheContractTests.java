package dev.iomodels.loom;

import java.util.Set;

import dev.iomodels.remote.testing.TestNodes;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole API contract, over real HTTP, against loom-service on the remote backend (on
 * its default transport), with RestClient on Apache HttpClient 5: a storage node of this
 * class's own, started in the test JVM and reached over a loopback socket.
 */
class LoomServiceRemoteApacheContractTests extends LoomServiceContractTests {

	@DynamicPropertySource
	static void remote(DynamicPropertyRegistry registry) {
		TestNodes.useRemote(registry, TestNodes.CONTRACT_LIMITS, "apache");
	}

	@Override
	protected String expectedTransport() {
		return "nio";
	}

	@Override
	protected String expectedBackend() {
		return "remote";
	}

	@Override
	protected Set<String> expectedBackendSettings() {
		return TestNodes.INFO_SETTINGS;
	}

}
