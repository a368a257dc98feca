package dev.iomodels.loom;

import dev.iomodels.contract.ContractSpringBootTest;
import dev.iomodels.contract.StorageApiContractTests;
import dev.iomodels.contract.tomcat.TomcatServer;
import dev.iomodels.remote.testing.TestNodes;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole API contract, over real HTTP, against loom-service on the remote backend (on
 * its default transport), with RestClient on Reactor Netty: a storage node of this
 * class's own, started in the test JVM and reached over a loopback socket.
 */
@ContractSpringBootTest
class LoomServiceRemoteReactorContractTests extends StorageApiContractTests {

	LoomServiceRemoteReactorContractTests() {
		super(TomcatServer.virtualThreads().onBackend("remote", TestNodes.INFO_SETTINGS));
	}

	@DynamicPropertySource
	static void remote(DynamicPropertyRegistry registry) {
		TestNodes.useRemote(registry, TestNodes.CONTRACT_LIMITS, "reactor");
	}

}
