package dev.iomodels.loom;

import dev.iomodels.contract.ContractSpringBootTest;
import dev.iomodels.contract.StorageApiContractTests;
import dev.iomodels.contract.tomcat.TomcatServer;

import org.springframework.test.context.TestPropertySource;

/**
 * The contract on Tomcat's NIO2 connector: asynchronous channels and completion handlers,
 * no poller (a proactor).
 */
@ContractSpringBootTest
@TestPropertySource(properties = "iomodels.server.transport=nio2")
class LoomOnNio2ContractTests extends StorageApiContractTests {

	LoomOnNio2ContractTests() {
		super(TomcatServer.virtualThreads().onTransport("nio2"));
	}

}
