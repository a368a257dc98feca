package dev.iomodels.mvc.system;

import java.util.List;

import dev.iomodels.service.Transport;
import dev.iomodels.service.TransportInUse;
import dev.iomodels.service.TransportProperties;
import dev.iomodels.service.TransportSupport;
import org.apache.coyote.http11.Http11Nio2Protocol;
import org.apache.coyote.http11.Http11NioProtocol;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Tomcat's transports: its connector protocol. {@code nio} ({@link Http11NioProtocol}) is
 * a reactor ({@link DeadlineNioProtocol} adds the connection deadlines): a poller thread
 * waits on a {@code java.nio} selector and hands each ready socket to a worker.
 * {@code nio2} ({@link Http11Nio2Protocol}) is a proactor: the connector starts
 * asynchronous reads on {@code java.nio} asynchronous channels and carries on in their
 * completion handlers, with no poller. Tomcat has no epoll or io_uring connector, so
 * those values fail at startup. {@link TomcatServerLimits} sets the protocol and applies
 * the same limits to either.
 */
@Configuration(proxyBeanMethods = false)
class TomcatTransport {

	static final TransportSupport SUPPORT = new TransportSupport("Tomcat", Transport.NIO,
			List.of(Transport.NIO, Transport.NIO2));

	@Bean
	TransportInUse transportInUse(TransportProperties properties) {
		return new TransportInUse(SUPPORT.select(properties.transport()));
	}

	@Bean
	ProtocolObserver protocolObserver(TransportInUse transport) {
		return new ProtocolObserver(transport);
	}

	/**
	 * The protocol handler class for a transport: Tomcat's own, held to the
	 * {@link dev.iomodels.service.ConnectionDeadlines}.
	 * @param transport {@code nio} or {@code nio2}
	 * @return the connector protocol's class name
	 */
	static String protocol(Transport transport) {
		return switch (transport) {
			case NIO -> DeadlineNioProtocol.class.getName();
			case NIO2 -> DeadlineNio2Protocol.class.getName();
			default -> throw new IllegalArgumentException("Tomcat has no " + transport.id() + " connector");
		};
	}

	/**
	 * Records the protocol handler of the API server once it runs (the management server,
	 * which has a namespace, is left out).
	 */
	static final class ProtocolObserver {

		private final TransportInUse transport;

		ProtocolObserver(TransportInUse transport) {
			this.transport = transport;
		}

		@EventListener
		void serverStarted(WebServerInitializedEvent event) {
			if (event.getApplicationContext().getServerNamespace() == null
					&& event.getWebServer() instanceof TomcatWebServer tomcat) {
				Class<?> protocol = tomcat.getTomcat().getConnector().getProtocolHandler().getClass();
				// The transport is Tomcat's protocol, which DeadlineProtocol only
				// extends.
				this.transport
					.observe(DeadlineProtocol.class.isAssignableFrom(protocol) ? protocol.getSuperclass() : protocol);
			}
		}

	}

}
