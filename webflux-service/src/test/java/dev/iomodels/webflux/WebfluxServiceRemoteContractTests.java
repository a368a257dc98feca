package dev.iomodels.webflux;

import dev.iomodels.contract.ContractSpringBootTest;
import dev.iomodels.contract.StorageApiContractTests;
import dev.iomodels.contract.netty.ReactorNettyServer;
import dev.iomodels.remote.testing.TestNodes;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole API contract, over real HTTP, against webflux-service on the remote backend
 * (on its default transport), with WebClient on Reactor Netty: a storage node of this
 * class's own, started in the test JVM and reached over a loopback socket. BlockHound
 * watches every event-loop thread, so a blocking call anywhere on the WebClient path
 * fails it.
 */
@ContractSpringBootTest
class WebfluxServiceRemoteContractTests extends StorageApiContractTests {

	WebfluxServiceRemoteContractTests() {
		super(ReactorNettyServer.eventLoop().onBackend("remote", TestNodes.INFO_SETTINGS));
	}

	@DynamicPropertySource
	static void remote(DynamicPropertyRegistry registry) {
		TestNodes.useRemote(registry, TestNodes.CONTRACT_LIMITS, "reactor");
	}

}
