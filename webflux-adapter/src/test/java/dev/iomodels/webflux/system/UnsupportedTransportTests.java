package dev.iomodels.webflux.system;

import dev.iomodels.service.Transport;
import dev.iomodels.service.UnsupportedTransportException;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.uring.IoUring;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A transport that Reactor Netty does not have, or whose native library does not load,
 * fails with a message that names the property, the value and what this service runs,
 * rather than running on another transport. (That it stops the service at startup is
 * webflux-service's own {@code UnsupportedTransportTests}.)
 */
class UnsupportedTransportTests {

	@Test
	void everySupportedTransportHasItsServerAndClientChannel() {
		for (Transport transport : NettyTransports.SUPPORT.supported()) {
			assertThat(NettyTransports.channel(transport, ServerSocketChannel.class))
				.isAssignableTo(ServerSocketChannel.class);
			assertThat(NettyTransports.channel(transport, SocketChannel.class)).isAssignableTo(SocketChannel.class);
		}
	}

	@Test
	void aNativeTransportWhoseLibraryDoesNotLoadFailsWithTheLibrarysReason() {
		assertThatException()
			.isThrownBy(() -> NettyTransports.ensureAvailable(Transport.IO_URING, "io_uring",
					() -> new UnsatisfiedLinkError("io_uring_setup: Operation not permitted")))
			.isInstanceOf(UnsupportedTransportException.class)
			.withMessageStartingWith("iomodels.server.transport=io_uring cannot be used: "
					+ "Netty's native io_uring transport is not available on this machine (")
			.withMessageContaining("supports nio, epoll, io_uring; the default is epoll.")
			.withMessageEndingWith("Cause: java.lang.UnsatisfiedLinkError: io_uring_setup: Operation not permitted")
			.withCauseInstanceOf(UnsatisfiedLinkError.class);
	}

	@Test
	void aMissingTransportClassIsReportedTheSameWay() {
		assertThatException().isThrownBy(() -> NettyTransports.ensureAvailable(Transport.EPOLL, "epoll", () -> {
			throw new NoClassDefFoundError("io/netty/channel/epoll/Native");
		})).isInstanceOf(UnsupportedTransportException.class).withCauseInstanceOf(NoClassDefFoundError.class);
	}

	@Test
	void theNativeTransportsLoadOnThisLinuxMachine() {
		// The build runs on Linux with io_uring enabled; the jars carry both libraries.
		assertThat(Epoll.isAvailable()).as("epoll").isTrue();
		assertThat(IoUring.isAvailable()).as("io_uring").isTrue();
	}

}
