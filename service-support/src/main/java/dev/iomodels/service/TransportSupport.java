package dev.iomodels.service;

import java.util.List;

/**
 * The transports one web stack can run, and the one it runs when none is chosen.
 *
 * @param server the server, for messages, e.g. {@code Tomcat}
 * @param defaultTransport the transport used when {@code iomodels.server.transport} is
 * not set
 * @param supported every transport it can run, the default included
 */
public record TransportSupport(String server, Transport defaultTransport, List<Transport> supported) {

	public TransportSupport {
		supported = List.copyOf(supported);
		if (!supported.contains(defaultTransport)) {
			throw new IllegalArgumentException(server + "'s default transport must be one it supports");
		}
	}

	/**
	 * Choose the transport for a value of {@code iomodels.server.transport}.
	 * @param requested the value, or {@code null} or blank for the default
	 * @return the transport
	 * @throws UnsupportedTransportException if the value is no transport or one this
	 * server cannot run
	 */
	public Transport select(String requested) {
		if (requested == null || requested.isBlank()) {
			return this.defaultTransport;
		}
		Transport transport;
		try {
			transport = Transport.of(requested);
		}
		catch (IllegalArgumentException ex) {
			throw new UnsupportedTransportException(requested, this, "it is not a transport");
		}
		if (!this.supported.contains(transport)) {
			throw new UnsupportedTransportException(requested, this,
					this.server + " has no " + transport.id() + " transport");
		}
		return transport;
	}

	/**
	 * Return the ids of the supported transports, for messages.
	 * @return e.g. {@code nio, nio2}
	 */
	public String supportedIds() {
		return String.join(", ", this.supported.stream().map(Transport::id).toList());
	}

}
