package dev.iomodels.webflux.system;

import dev.iomodels.service.TransportInUse;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;

/**
 * Records the class of the server channel the API server actually bound, which
 * {@code /api/v1/info} reports: the proof that the transport is the one asked for. (The
 * event loops themselves reach the server through the {@code ReactorResourceFactory} of
 * {@link ServerConfiguration}.)
 */
final class TransportCustomizer implements NettyServerCustomizer {

	private final TransportInUse transport;

	TransportCustomizer(TransportInUse transport) {
		this.transport = transport;
	}

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnBound((bound) -> this.transport.observe(bound.channel().getClass()));
	}

}
