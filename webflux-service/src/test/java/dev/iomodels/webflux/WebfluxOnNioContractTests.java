package dev.iomodels.webflux;

import dev.iomodels.contract.ContractSpringBootTest;
import dev.iomodels.contract.StorageApiContractTests;
import dev.iomodels.contract.netty.ReactorNettyServer;

import org.springframework.test.context.TestPropertySource;

/**
 * The contract on the JDK's selector (level-triggered epoll on Linux, a reactor).
 * BlockHound watches every event-loop thread while it runs.
 */
@ContractSpringBootTest
@TestPropertySource(properties = "iomodels.server.transport=nio")
class WebfluxOnNioContractTests extends StorageApiContractTests {

	WebfluxOnNioContractTests() {
		super(ReactorNettyServer.eventLoop().onTransport("nio"));
	}

}
