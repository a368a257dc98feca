package dev.iomodels.service;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The transport the API server was told to use, and the class that proves it, observed
 * when the server runs: Netty's server channel, Tomcat's protocol handler. Both go to
 * {@code /api/v1/info}; the transport also tags every meter.
 */
public final class TransportInUse {

	private final Transport transport;

	private final AtomicReference<String> observed = new AtomicReference<>();

	/**
	 * Record the chosen transport.
	 * @param transport the transport
	 */
	public TransportInUse(Transport transport) {
		this.transport = transport;
	}

	/**
	 * Return the chosen transport.
	 * @return the transport
	 */
	public Transport transport() {
		return this.transport;
	}

	/**
	 * Record the class the running server actually uses for it.
	 * @param type e.g. {@code io.netty.channel.epoll.EpollServerSocketChannel}
	 */
	public void observe(Class<?> type) {
		this.observed.set(type.getName());
	}

	/**
	 * Return the class the running server uses, once it has been observed.
	 * @return the class name, empty before the server has started
	 */
	public Optional<String> observed() {
		return Optional.ofNullable(this.observed.get());
	}

}
