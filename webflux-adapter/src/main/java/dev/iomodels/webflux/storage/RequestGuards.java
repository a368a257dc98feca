package dev.iomodels.webflux.storage;

import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.RequestAdmission;
import dev.iomodels.service.RequestTimeouts;
import dev.iomodels.service.WriteAuthorization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filters that guard the API on Reactor Netty: the overload bound and the write
 * token, as in the MVC adapter. A configuration class rather than components, so that the
 * {@code @WebFluxTest} slices, which test the controllers alone, leave them out.
 */
@Configuration(proxyBeanMethods = false)
class RequestGuards {

	@Bean
	AdmissionWebFilter admissionWebFilter(RequestAdmission admission, RequestTimeouts timeouts, JsonResponses json) {
		return new AdmissionWebFilter(admission, timeouts, json);
	}

	@Bean
	UnreadBodyDrain unreadBodyDrain() {
		return new UnreadBodyDrain();
	}

	@Bean
	WriteAuthorizationWebFilter writeAuthorizationWebFilter(WriteAuthorization authorization, JsonResponses json) {
		return new WriteAuthorizationWebFilter(authorization, json);
	}

}
