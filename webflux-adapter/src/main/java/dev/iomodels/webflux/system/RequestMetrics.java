package dev.iomodels.webflux.system;

import dev.iomodels.service.metrics.InFlightRequests;
import dev.iomodels.service.metrics.ServerRequestTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The WebFlux side of the metrics the services share (the in-flight requests gauge and
 * the request timer, defined in service-support) and the event-loop server's own gauges
 * ({@link ServerGauges}). A configuration class rather than components, so that the
 * {@code @WebFluxTest} slices, which have no meter registry, leave it out.
 */
@Configuration(proxyBeanMethods = false)
class RequestMetrics {

	@Bean
	InFlightRequestsWebFilter inFlightRequestsWebFilter(InFlightRequests inFlight, ServerRequestTimer timer) {
		return new InFlightRequestsWebFilter(inFlight, timer);
	}

	/**
	 * Spring's HTTP server observation off on the API server:
	 * {@link InFlightRequestsWebFilter} times every request in the same meter,
	 * {@code http.server.requests}, at a fraction of the cost. WebFlux's handler adapter
	 * still creates an observation context per request, which with the no-op registry
	 * goes no further.
	 * @return the customizer
	 */
	@Bean
	WebHttpHandlerBuilderCustomizer apiRequestsTimedByTheFilterOnly() {
		return (builder) -> builder.observationRegistry(ObservationRegistry.NOOP);
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
