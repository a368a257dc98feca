package dev.iomodels.webflux.system;

import dev.iomodels.service.metrics.InFlightRequests;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The WebFlux side of the metrics the services share (the in-flight requests gauge,
 * defined in service-support) and the event-loop server's own gauges
 * ({@link ServerGauges}). A configuration class rather than components, so that the
 * {@code @WebFluxTest} slices, which have no meter registry, leave it out.
 */
@Configuration(proxyBeanMethods = false)
class RequestMetrics {

	@Bean
	InFlightRequestsWebFilter inFlightRequestsWebFilter(InFlightRequests inFlight) {
		return new InFlightRequestsWebFilter(inFlight);
	}

	/**
	 * Adds {@link ServerGauges} to the API server's factory only, like the server limits:
	 * the management server's connections are not API traffic.
	 * @param registry where the gauges go
	 * @param connections the API server's connection count
	 * @return the registration
	 */
	@Bean
	WebServerFactoryCustomizer<NettyReactiveWebServerFactory> serverGaugesRegistration(MeterRegistry registry,
			ConnectionLimit connections) {
		ServerGauges gauges = new ServerGauges(registry, connections);
		return (factory) -> factory.addServerCustomizers((server) -> server.doOnChannelInit(gauges));
	}

}
