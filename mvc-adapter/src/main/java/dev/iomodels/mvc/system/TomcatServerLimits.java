package dev.iomodels.mvc.system;

import dev.iomodels.service.ConnectionDeadlines;
import dev.iomodels.service.ServerLimitsProperties;
import dev.iomodels.service.TransportInUse;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardHost;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Applies {@code iomodels.server.*} to Tomcat's connector: its protocol, which is the
 * transport ({@link TomcatTransport}), and the limits, which {@code Http11NioProtocol}
 * and {@code Http11Nio2Protocol} both take from {@link AbstractHttp11Protocol}. It runs
 * after Spring Boot's own customizer, so these values win over any
 * {@code server.tomcat.*} default.
 */
@Component
class TomcatServerLimits implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final ServerLimitsProperties limits;

	private final TransportInUse transport;

	private final JsonMapper json;

	private final ConnectionDeadlines deadlines;

	private final TomcatBufferProperties buffers;

	TomcatServerLimits(ServerLimitsProperties limits, TransportInUse transport, JsonMapper json,
			ConnectionDeadlines deadlines, TomcatBufferProperties buffers) {
		this.limits = limits;
		this.buffers = buffers;
		this.transport = transport;
		this.json = json;
		this.deadlines = deadlines;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.setProtocol(TomcatTransport.protocol(this.transport.transport()));
		factory.addContextCustomizers((context) -> {
			// Tomcat adds its HTML error valve to the host only if no valve of the
			// configured class is there yet: name ours and add it.
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
				host.getPipeline().addValve(new ProblemReportValve(this.json));
			}
		});
		factory.addConnectorCustomizers((connector) -> {
			// Keep %2F inside a path segment, so that /objects/a%2Fb reaches the API as
			// the
			// (invalid) key "a/b" and gets the same 400 as on Reactor Netty, not a 400
			// page from Tomcat.
			connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
			if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
				http.setMaxConnections(this.limits.maxConnections());
				http.setAcceptCount(this.limits.acceptBacklog());
				http.setKeepAliveTimeout((int) this.limits.keepAliveTimeout().toMillis());
				http.setMaxKeepAliveRequests(this.limits.maxKeepAliveRequests());
				http.setMaxHttpRequestHeaderSize((int) this.limits.maxRequestHeaderSize().toBytes());
				// The longest silence while a request line, header or body is read (with
				// Tomcat's default disableUploadTimeout, body reads use it too).
				http.setConnectionTimeout((int) this.limits.connectionTimeout().toMillis());
				// 100 Continue only once the application reads the body: a request
				// refused before that (overloaded, unauthorized, too large) is not
				// invited to send its body, as on Reactor Netty.
				http.setContinueResponseTiming("onRead");
				// The buffers Tomcat keeps per connection and per request in flight
				// (TomcatBufferProperties): with thousands in flight they fill the heap.
				http.setMaxHttpResponseHeaderSize(bytes(this.buffers.maxResponseHeaderSize()));
			}
			setSocketProperty(connector, "appReadBufSize", bytes(this.buffers.socketReadBuffer()));
			setSocketProperty(connector, "appWriteBufSize", bytes(this.buffers.socketWriteBuffer()));
			if (connector.getProtocolHandler() instanceof DeadlineProtocol deadlines) {
				// The request head's deadline, and the response write's in place of
				// connectionTimeout (DeadlineProcessor).
				deadlines.setConnectionDeadlines(this.deadlines);
				deadlines.setResponseBufferSize(bytes(this.buffers.responseBuffer()));
			}
		});
	}

	/**
	 * Set one of the endpoint's socket properties, which Tomcat only takes by name: a
	 * name it does not know (renamed in a later Tomcat) is refused with {@code false},
	 * and the start stops here rather than run with Tomcat's default buffers unnoticed.
	 */
	private static void setSocketProperty(Connector connector, String name, int value) {
		if (!connector.setProperty("socket." + name, Integer.toString(value))) {
			throw new IllegalStateException("Tomcat refused its socket property " + name + "=" + value);
		}
	}

	private static int bytes(DataSize size) {
		return Math.toIntExact(size.toBytes());
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
