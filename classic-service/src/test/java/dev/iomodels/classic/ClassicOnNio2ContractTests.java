package dev.iomodels.classic;

import java.util.List;

import org.apache.coyote.http11.Http11Nio2Protocol;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract on Tomcat's NIO2 connector: asynchronous channels and completion handlers,
 * no poller (a proactor).
 */
@TestPropertySource(properties = "iomodels.server.transport=nio2")
class ClassicOnNio2ContractTests extends ClassicServiceContractTests {

	@Override
	protected String expectedTransport() {
		return "nio2";
	}

	@Test
	void theApiServerRunsTheNio2ConnectorWithoutAPoller() {
		assertThat(protocolHandler()).isInstanceOf(Http11Nio2Protocol.class);
		// A proactor has neither a poller nor an acceptor thread: completion handlers
		// accept and read.
		assertThat(connectorName()).startsWith("http-nio2-");
		assertThat(threadNames()).doesNotContain(connectorName() + "-Poller", connectorName() + "-Acceptor");
	}

	private static List<String> threadNames() {
		return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
	}

}
