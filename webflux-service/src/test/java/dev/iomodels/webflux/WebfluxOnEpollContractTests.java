package dev.iomodels.webflux;

import io.netty.channel.epoll.EpollServerSocketChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract on Netty's native epoll transport, the default (edge-triggered epoll, a
 * reactor).
 */
class WebfluxOnEpollContractTests extends WebfluxServiceContractTests {

	@Override
	protected String expectedTransport() {
		return "epoll";
	}

	@Test
	void theDefaultTransportIsNativeEpoll() throws Exception {
		// The channel the server bound, not the setting: Reactor Netty would fall back
		// silently, this service must not.
		assertThat(observedServerChannel()).isEqualTo(EpollServerSocketChannel.class.getName());
		assertThat(eventLoopThreads()).anyMatch((name) -> name.startsWith("reactor-http-epoll-"));
	}

}
