package dev.iomodels.classic;

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
class ClassicOnNio2ContractTests extends StorageApiContractTests {

	ClassicOnNio2ContractTests() {
		super(TomcatServer.platformThreads(200).onTransport("nio2"));
	}

}
