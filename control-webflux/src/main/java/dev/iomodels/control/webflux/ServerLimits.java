package dev.iomodels.control.webflux;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * The two rows of the fairness table that Spring Boot has no property for on Reactor
 * Netty, with the services' values: what webflux-adapter's {@code ServerLimitsCustomizer}
 * sets from {@code iomodels.server.*}.
 */
@Component
final class ServerLimits implements NettyServerCustomizer {

	/** "accept backlog": the listen socket's {@code SO_BACKLOG}, Tomcat's acceptCount. */
	static final int ACCEPT_BACKLOG = 1024;

	/**
	 * "read timeout (slow clients)": the longest silence while a body is read, Tomcat's
	 * connectionTimeout.
	 */
	static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

	@Override
	public HttpServer apply(HttpServer server) {
		return server.readTimeout(READ_TIMEOUT).option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG);
	}

}
