package dev.iomodels.webflux.system;

import java.util.List;

import dev.iomodels.service.Transport;
import dev.iomodels.service.TransportSupport;
import dev.iomodels.service.UnsupportedTransportException;
import io.netty.channel.Channel;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;

/**
 * Reactor Netty's three transports, each chosen by its own classes: the I/O handler that
 * drives the event loops and the channels that go with it. Reactor Netty on its own
 * detects a transport and falls back silently (io_uring if its library loads, else epoll,
 * else the JDK's selector); here the chosen one is checked and used, or the service does
 * not start.
 */
final class NettyTransports {

	/** Reactor Netty's transports; epoll, what Reactor Netty used here before. */
	static final TransportSupport SUPPORT = new TransportSupport("Reactor Netty", Transport.EPOLL,
			List.of(Transport.NIO, Transport.EPOLL, Transport.IO_URING));

	private NettyTransports() {
	}

	/**
	 * Return the event loops' I/O handler for a transport, after checking that its native
	 * library loads on this machine.
	 * @param transport the transport
	 * @param value the configured value, for the message
	 * @return the handler factory
	 * @throws UnsupportedTransportException if the native transport is not available,
	 * with its library's reason as the cause
	 */
	static IoHandlerFactory ioHandler(Transport transport, String value) {
		return switch (transport) {
			case NIO -> NioIoHandler.newFactory();
			case EPOLL -> {
				ensureAvailable(transport, value, NettyTransports::epollUnavailability);
				yield EpollIoHandler.newFactory();
			}
			case IO_URING -> {
				ensureAvailable(transport, value, NettyTransports::ioUringUnavailability);
				yield IoUringIoHandler.newFactory();
			}
			default -> throw new UnsupportedTransportException(value, SUPPORT,
					"Reactor Netty has no " + transport.id() + " transport");
		};
	}

	/**
	 * Return the channel class of a transport for a kind of channel.
	 * @param transport the transport
	 * @param type {@link ServerSocketChannel} or {@link SocketChannel}
	 * @return e.g. {@link EpollServerSocketChannel}
	 * @throws IllegalArgumentException for another kind of channel (datagrams, domain
	 * sockets), which this service never opens
	 */
	static Class<? extends Channel> channel(Transport transport, Class<? extends Channel> type) {
		boolean server = ServerSocketChannel.class.equals(type);
		if (!server && !SocketChannel.class.equals(type)) {
			throw new IllegalArgumentException("No " + type.getSimpleName() + " on the " + transport.id()
					+ " transport: this service opens TCP channels only");
		}
		return switch (transport) {
			case NIO -> server ? NioServerSocketChannel.class : NioSocketChannel.class;
			case EPOLL -> server ? EpollServerSocketChannel.class : EpollSocketChannel.class;
			case IO_URING -> server ? IoUringServerSocketChannel.class : IoUringSocketChannel.class;
			default -> throw new IllegalArgumentException("Reactor Netty has no " + transport.id() + " transport");
		};
	}

	/**
	 * Fail unless a native transport is available.
	 * @param transport the transport
	 * @param value the configured value, for the message
	 * @param unavailability the native library's reason, or {@code null} when it loads
	 */
	static void ensureAvailable(Transport transport, String value, Unavailability unavailability) {
		Throwable cause;
		try {
			cause = unavailability.cause();
		}
		catch (LinkageError ex) {
			// The transport's classes jar is missing: a packaging fault, reported the
			// same way.
			cause = ex;
		}
		if (cause != null) {
			throw new UnsupportedTransportException(value, SUPPORT,
					"Netty's native " + transport.id() + " transport is not available on this machine ("
							+ System.getProperty("os.name") + " " + System.getProperty("os.version") + ", "
							+ System.getProperty("os.arch") + ")",
					cause);
		}
	}

	private static Throwable epollUnavailability() {
		return Epoll.isAvailable() ? null : Epoll.unavailabilityCause();
	}

	private static Throwable ioUringUnavailability() {
		return IoUring.isAvailable() ? null : IoUring.unavailabilityCause();
	}

	@FunctionalInterface
	interface Unavailability {

		Throwable cause();

	}

}
