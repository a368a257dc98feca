package dev.iomodels.classic;

import dev.iomodels.service.UnsupportedTransportException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A transport Tomcat does not have stops the service at startup, before any server opens,
 * with a message that names the property, the value and what this service runs.
 */
class UnsupportedTransportTests {

	@Test
	void ioUringOnTomcatFailsTheStartNamingPropertyValueAndTheSupportedTransports() {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(ClassicServiceApplication.class)
				.properties("server.port=0", "management.server.port=0", "iomodels.server.transport=io_uring")
				.run()
				.close())
			.havingRootCause()
			.isInstanceOf(UnsupportedTransportException.class)
			.withMessage("iomodels.server.transport=io_uring cannot be used: Tomcat has no io_uring transport. "
					+ "This service (Tomcat) supports nio, nio2; the default is nio.");
	}

}
