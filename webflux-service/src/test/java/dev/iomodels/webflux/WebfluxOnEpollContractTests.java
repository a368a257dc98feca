package dev.iomodels.webflux;

import dev.iomodels.contract.ContractSpringBootTest;
import dev.iomodels.contract.StorageApiContractTests;
import dev.iomodels.contract.netty.ReactorNettyServer;

/**
 * The contract on Netty's native epoll transport, the default (edge-triggered epoll, a
 * reactor). BlockHound watches every event-loop thread while it runs.
 */
@ContractSpringBootTest
class WebfluxOnEpollContractTests extends StorageApiContractTests {

	WebfluxOnEpollContractTests() {
		super(ReactorNettyServer.eventLoop());
	}

}
