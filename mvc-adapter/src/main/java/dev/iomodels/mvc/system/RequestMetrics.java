package dev.iomodels.mvc.system;

import dev.iomodels.service.metrics.InFlightRequests;
import dev.iomodels.service.metrics.ServerRequestTimer;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MVC side of the metrics the services share: the in-flight requests gauge and the
 * request timer are defined in service-support and fed here. A configuration class rather
 * than a component, so that the {@code @WebMvcTest} slices, which have no meter registry,
 * leave it out.
 * <p>
 * Spring's HTTP server observation is excluded: {@link InFlightRequestsFilter} times
 * every request in the same meter, {@code http.server.requests}, at a fraction of the
 * cost.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration(exclude = WebMvcObservationAutoConfiguration.class)
class RequestMetrics {

	@Bean
	InFlightRequestsFilter inFlightRequestsFilter(InFlightRequests inFlight, ServerRequestTimer timer) {
		return new InFlightRequestsFilter(inFlight, timer);
	}

}
