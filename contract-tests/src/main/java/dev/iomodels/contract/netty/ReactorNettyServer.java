package dev.iomodels.contract.netty;

import java.util.List;

import dev.iomodels.contract.RunningServer;
import dev.iomodels.contract.ServerCheck;
import dev.iomodels.contract.ServerStack;
import dev.iomodels.contract.ServiceUnderTest;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUringServerSocketChannel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux adapter on Reactor Netty (webflux): the API server bound the channel of the
 * transport the service reports, and its event loops are that transport's. The channel is
 * the one the server bound, not the setting: Reactor Netty would fall back silently to
 * another transport, and the service must not.
 */
public final class ReactorNettyServer implements ServerStack {

	private ReactorNettyServer() {
	}

	/**
	 * Describe a service that runs requests on the event loops (webflux), on its default
	 * transport (native epoll) and the memory backend.
	 * @return the description
	 */
	public static ServiceUnderTest eventLoop() {
		return ServiceUnderTest.of("event-loop", "epoll", new ReactorNettyServer());
	}

	@Override
	public List<ServerCheck> checks(ServiceUnderTest service) {
		String transport = service.transport();
		String channel = switch (transport) {
			case "nio" -> NioServerSocketChannel.class.getName();
			case "epoll" -> EpollServerSocketChannel.class.getName();
			case "io_uring" -> IoUringServerSocketChannel.class.getName();
			default -> throw new IllegalArgumentException("Reactor Netty has no transport " + transport);
		};
		return List.of(new ServerCheck("the API server bound the " + transport + " channel and runs its event loops",
				(server) -> bound(server, transport, channel)));
	}

	private static void bound(RunningServer server, String transport, String channel) {
		assertThat(server.info().path("transport").path("observed").asString()).isEqualTo(channel);
		assertThat(eventLoopThreads()).anyMatch((name) -> name.startsWith("reactor-http-" + transport + "-"));
	}

	private static List<String> eventLoopThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((name) -> name.startsWith("reactor-http-"))
			.toList();
	}

}
