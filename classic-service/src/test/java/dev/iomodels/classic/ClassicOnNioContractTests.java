package dev.iomodels.classic;

import dev.iomodels.contract.ContractSpringBootTest;
import dev.iomodels.contract.StorageApiContractTests;
import dev.iomodels.contract.tomcat.TomcatServer;

/**
 * The contract on Tomcat's default NIO connector: a poller thread over a selector hands
 * ready sockets to workers (a reactor).
 */
@ContractSpringBootTest
class ClassicOnNioContractTests extends StorageApiContractTests {

	ClassicOnNioContractTests() {
		super(TomcatServer.platformThreads(200));
	}

}
