package dev.iomodels.webflux;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's web filters run in the order of {@code RequestFilterOrder}, the same as on
 * Tomcat, with the drain of unread bodies, which has no twin there, around the admission.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class RequestFilterOrderTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void theApiFiltersRunInTheSharedOrder() {
		List<String> filters = this.context.getBeanProvider(WebFilter.class)
			.orderedStream()
			.map((filter) -> filter.getClass().getSimpleName())
			.toList();
		assertThat(filters).containsSubsequence("InFlightRequestsWebFilter", "UnreadBodyDrain", "AdmissionWebFilter",
				"RequestPathFilter", "WriteAuthorizationWebFilter");
	}

}
