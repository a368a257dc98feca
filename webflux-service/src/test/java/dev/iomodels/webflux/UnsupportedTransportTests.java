package dev.iomodels.webflux;

import dev.iomodels.service.UnsupportedTransportException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A transport Reactor Netty does not have stops the service at startup, before any server
 * opens, with a message that names the property, the value and what this service runs,
 * rather than running on another transport.
 */
class UnsupportedTransportTests {

	@Test
	void nio2OnReactorNettyFailsTheStartNamingPropertyValueAndTheSupportedTransports() {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(WebfluxServiceApplication.class)
				.properties("server.port=0", "management.server.port=0", "iomodels.server.transport=nio2")
				.run()
				.close())
			.havingRootCause()
			.isInstanceOf(UnsupportedTransportException.class)
			.withMessage("iomodels.server.transport=nio2 cannot be used: Reactor Netty has no nio2 transport. "
					+ "This service (Reactor Netty) supports nio, epoll, io_uring; the default is epoll.");
	}

}
