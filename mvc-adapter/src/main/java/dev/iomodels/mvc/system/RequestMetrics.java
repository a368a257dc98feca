package dev.iomodels.mvc.system;

import dev.iomodels.service.metrics.InFlightRequests;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MVC side of the metrics the services share: the in-flight requests gauge is defined
 * in service-support and counted here. A configuration class rather than a component, so
 * that the {@code @WebMvcTest} slices, which have no meter registry, leave it out.
 */
@Configuration(proxyBeanMethods = false)
class RequestMetrics {

	@Bean
	InFlightRequestsFilter inFlightRequestsFilter(InFlightRequests inFlight) {
		return new InFlightRequestsFilter(inFlight);
	}

}
