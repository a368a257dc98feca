package dev.iomodels.webflux;

import dev.iomodels.contract.ContractSpringBootTest;
import dev.iomodels.contract.StorageApiContractTests;
import dev.iomodels.contract.netty.ReactorNettyServer;

import org.springframework.test.context.TestPropertySource;

/**
 * The contract on Netty's io_uring transport (submission and completion queues, a
 * proactor). BlockHound watches every event-loop thread while it runs.
 */
@ContractSpringBootTest
@TestPropertySource(properties = "iomodels.server.transport=io_uring")
class WebfluxOnIoUringContractTests extends StorageApiContractTests {

	WebfluxOnIoUringContractTests() {
		super(ReactorNettyServer.eventLoop().onTransport("io_uring"));
	}

}
