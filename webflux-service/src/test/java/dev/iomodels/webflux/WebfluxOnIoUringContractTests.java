package dev.iomodels.webflux;

import io.netty.channel.uring.IoUringServerSocketChannel;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract on Netty's io_uring transport (submission and completion queues, a
 * proactor).
 */
@TestPropertySource(properties = "iomodels.server.transport=io_uring")
class WebfluxOnIoUringContractTests extends WebfluxServiceContractTests {

	@Override
	protected String expectedTransport() {
		return "io_uring";
	}

	@Test
	void theApiServerRunsOnIoUring() throws Exception {
		// The channel the server bound, not the setting: Reactor Netty would fall back
		// silently, this service must not.
		assertThat(observedServerChannel()).isEqualTo(IoUringServerSocketChannel.class.getName());
		assertThat(eventLoopThreads()).anyMatch((name) -> name.startsWith("reactor-http-io_uring-"));
	}

}
