package dev.iomodels.loom;

import java.util.List;

import org.apache.coyote.http11.Http11NioProtocol;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract on Tomcat's default NIO connector: a poller thread over a selector hands
 * ready sockets to workers (a reactor).
 */
class LoomOnNioContractTests extends LoomServiceContractTests {

	@Override
	protected String expectedTransport() {
		return "nio";
	}

	@Test
	void theDefaultTransportIsTheNioConnectorWithItsPoller() {
		assertThat(protocolHandler()).isInstanceOf(Http11NioProtocol.class);
		// The reactor's poller thread is there.
		assertThat(connectorName()).startsWith("http-nio-");
		assertThat(threadNames()).contains(connectorName() + "-Poller", connectorName() + "-Acceptor");
	}

	private static List<String> threadNames() {
		return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
	}

}
