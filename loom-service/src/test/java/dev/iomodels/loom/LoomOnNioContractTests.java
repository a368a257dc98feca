package dev.iomodels.loom;

import dev.iomodels.contract.ContractSpringBootTest;
import dev.iomodels.contract.StorageApiContractTests;
import dev.iomodels.contract.tomcat.TomcatServer;

/**
 * The contract on Tomcat's default NIO connector: a poller thread over a selector hands
 * ready sockets to workers (a reactor).
 */
@ContractSpringBootTest
class LoomOnNioContractTests extends StorageApiContractTests {

	LoomOnNioContractTests() {
		super(TomcatServer.virtualThreads());
	}

}
