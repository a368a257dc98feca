package dev.iomodels.webflux.system;

import dev.iomodels.service.IoModel;
import dev.iomodels.service.ServerLimitsProperties;
import dev.iomodels.service.WorkerSettings;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The event-loop service's server: Reactor Netty with its default event loops, held to
 * the limits all three services share.
 */
@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

	/**
	 * The threads that run requests: Reactor Netty's event loops, as many as it creates,
	 * which is {@code max(cores, 4)} unless {@code -Dreactor.netty.ioWorkerCount} says
	 * otherwise.
	 */
	@Bean
	WorkerSettings workerSettings() {
		int threads = LoopResources.DEFAULT_IO_WORKER_COUNT;
		return new WorkerSettings(IoModel.EVENT_LOOP, threads + " event-loop threads (Reactor Netty)", threads);
	}

	@Bean
	ServerLimitsRegistration serverLimitsRegistration(ServerLimitsProperties limits, JsonMapper mapper) {
		return new ServerLimitsRegistration(new ServerLimitsCustomizer(limits, new DecodingFailureProblems(mapper)));
	}

	/**
	 * Adds the {@link ServerLimitsCustomizer} to the API server's factory, after Spring
	 * Boot's own customizer. It is not a {@code NettyServerCustomizer} bean because Boot
	 * applies such beans first and then its request-decoder customizer, which rebuilds
	 * the decoder with {@code server.max-http-request-header-size} and would silently
	 * undo the shared header limit. Like the MVC adapter's connector customizer, it
	 * leaves the management server alone.
	 */
	static final class ServerLimitsRegistration
			implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {

		private final ServerLimitsCustomizer customizer;

		ServerLimitsRegistration(ServerLimitsCustomizer customizer) {
			this.customizer = customizer;
		}

		@Override
		public void customize(NettyReactiveWebServerFactory factory) {
			factory.addServerCustomizers(this.customizer);
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
