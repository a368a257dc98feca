package dev.iomodels.mvc;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.ServletContextInitializerBeans;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's filters run on Tomcat in the order of {@code RequestFilterOrder}, the same as
 * on WebFlux, and Spring's HTTP observation filter is not among them: the first filter
 * times the requests, the admission's refusals included.
 */
@SpringBootTest(classes = MvcAdapterTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "spring.application.name=classic-service",
				"spring.config.import=classpath:iomodels-common.properties" })
class RequestFilterOrderTests {

	@Autowired
	private ConfigurableApplicationContext context;

	@Test
	void theApiFiltersRunInTheSharedOrderWithoutSpringsObservation() {
		List<String> filters = new ArrayList<>();
		for (ServletContextInitializer initializer : new ServletContextInitializerBeans(
				this.context.getBeanFactory())) {
			if (initializer instanceof FilterRegistrationBean<?> registration) {
				filters.add(registration.getFilter().getClass().getSimpleName());
			}
		}
		assertThat(filters).containsSubsequence("InFlightRequestsFilter", "AdmissionFilter", "RequestPathFilter",
				"WriteAuthorizationFilter");
		assertThat(filters).doesNotContain("ServerHttpObservationFilter");
	}

}
