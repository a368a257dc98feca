package dev.iomodels.webflux.system;

import dev.iomodels.service.ConnectionDeadlines;
import dev.iomodels.service.IoModel;
import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.ServerLimitsProperties;
import dev.iomodels.service.Transport;
import dev.iomodels.service.TransportInUse;
import dev.iomodels.service.TransportProperties;
import dev.iomodels.service.WorkerSettings;
import reactor.netty.ChannelPipelineConfigurer;
import reactor.netty.resources.LoopResources;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The event-loop service's server: Reactor Netty on the event loops of the chosen
 * transport ({@code iomodels.server.transport}: {@code epoll} by default, {@code nio} or
 * {@code io_uring}), held to the limits all three services share.
 */
@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

	@Bean
	TransportInUse transportInUse(TransportProperties properties) {
		return new TransportInUse(NettyTransports.SUPPORT.select(properties.transport()));
	}

	/**
	 * The event loops, created here so that a native transport that does not load fails
	 * the start with its reason; closed with the context, after the servers.
	 */
	@Bean(destroyMethod = "close")
	TransportLoopResources transportLoopResources(TransportInUse transport, TransportProperties properties) {
		Transport chosen = transport.transport();
		// Unset, the default is checked the same way: epoll where it does not load
		// (macOS, Windows) stops the start rather than running on something else.
		String value = (properties.transport() != null) ? properties.transport() : chosen.id() + " (the default)";
		return new TransportLoopResources(chosen, NettyTransports.ioHandler(chosen, value),
				LoopResources.DEFAULT_IO_WORKER_COUNT);
	}

	/**
	 * Hands the transport's event loops to both servers, the API's and the management
	 * port's: Spring Boot's {@code NettyWebServer} runs its server on this factory's loop
	 * resources, whatever a server customizer chose. Without this bean it would run on
	 * Reactor Netty's own loops, of whichever transport Reactor Netty detects (io_uring
	 * whenever its library loads, then epoll, then the JDK selector).
	 */
	@Bean
	ReactorResourceFactory reactorResourceFactory(TransportLoopResources loops) {
		ReactorResourceFactory factory = new ReactorResourceFactory();
		factory.setUseGlobalResources(false);
		factory.setLoopResources(loops);
		return factory;
	}

	/**
	 * The threads that run requests: the transport's event loops, as many as Reactor
	 * Netty would create, which is {@code max(cores, 4)} unless
	 * {@code -Dreactor.netty.ioWorkerCount} says otherwise.
	 */
	@Bean
	WorkerSettings workerSettings(TransportInUse transport) {
		int threads = LoopResources.DEFAULT_IO_WORKER_COUNT;
		return new WorkerSettings(IoModel.EVENT_LOOP,
				threads + " event-loop threads (Reactor Netty, " + transport.transport().id() + ")", threads);
	}

	/**
	 * The API server's connection count and limit, shared with the connections gauge.
	 */
	@Bean
	ConnectionLimit apiConnectionLimit(ServerLimitsProperties limits) {
		return new ConnectionLimit(limits.maxConnections());
	}

	@Bean
	ServerLimitsRegistration serverLimitsRegistration(ServerLimitsProperties limits, ConnectionLimit connections,
			TransportInUse transport, JsonResponses json, ConnectionDeadlines deadlines) {
		ChannelPipelineConfigurer handlers = new DecodingFailureProblems(json,
				Math.toIntExact(limits.maxRequestHeaderSize().toBytes()))
			.then(new KeepAliveAnswers(limits.keepAliveTimeout()))
			.then(new ConnectionDeadlineHandlers(deadlines));
		return new ServerLimitsRegistration(new TransportCustomizer(transport),
				new ServerLimitsCustomizer(limits, connections, handlers));
	}

	/**
	 * Adds the {@link TransportCustomizer} and the {@link ServerLimitsCustomizer} to the
	 * API server's factory, after Spring Boot's own customizer. They are not
	 * {@code NettyServerCustomizer} beans because Boot applies such beans first and then
	 * its request-decoder customizer, which rebuilds the decoder with
	 * {@code server.max-http-request-header-size} and would silently undo the shared
	 * header limit. Like the MVC adapter's connector customizer, they leave the
	 * management server alone.
	 */
	static final class ServerLimitsRegistration
			implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {

		private final TransportCustomizer transport;

		private final ServerLimitsCustomizer customizer;

		ServerLimitsRegistration(TransportCustomizer transport, ServerLimitsCustomizer customizer) {
			this.transport = transport;
			this.customizer = customizer;
		}

		@Override
		public void customize(NettyReactiveWebServerFactory factory) {
			factory.addServerCustomizers(this.transport, this.customizer);
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
