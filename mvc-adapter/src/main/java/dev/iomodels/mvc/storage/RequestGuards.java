package dev.iomodels.mvc.storage;

import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.RequestAdmission;
import dev.iomodels.service.RequestTimeouts;
import dev.iomodels.service.WriteAuthorization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filters that guard the API on Tomcat: the overload bound (with the start of the
 * request timeout) and the write token. A configuration class rather than components, so
 * that the {@code @WebMvcTest} slices, which test the controllers alone, leave them out.
 */
@Configuration(proxyBeanMethods = false)
class RequestGuards {

	@Bean
	AdmissionFilter admissionFilter(RequestAdmission admission, RequestTimeouts timeouts, JsonResponses json) {
		return new AdmissionFilter(admission, timeouts, json);
	}

	@Bean
	WriteAuthorizationFilter writeAuthorizationFilter(WriteAuthorization authorization, JsonResponses json) {
		return new WriteAuthorizationFilter(authorization, json);
	}

}
