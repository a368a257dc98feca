package dev.iomodels.webflux;

import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract on the JDK's selector (level-triggered epoll on Linux, a reactor).
 */
@TestPropertySource(properties = "iomodels.server.transport=nio")
class WebfluxOnNioContractTests extends WebfluxServiceContractTests {

	@Override
	protected String expectedTransport() {
		return "nio";
	}

	@Test
	void theApiServerRunsOnNio() throws Exception {
		// The channel the server bound, not the setting: Reactor Netty would fall back
		// silently, this service must not.
		assertThat(observedServerChannel()).isEqualTo(NioServerSocketChannel.class.getName());
		assertThat(eventLoopThreads()).anyMatch((name) -> name.startsWith("reactor-http-nio-"));
	}

}
