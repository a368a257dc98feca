package dev.iomodels.control.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The control of the event-loop service: Spring WebFlux on Reactor Netty answering the
 * storage API's routes with constants. The service's figures divided by its control's are
 * what the project's own code costs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ControlWebfluxApplication {

	public static void main(String[] args) {
		SpringApplication.run(ControlWebfluxApplication.class, args);
	}

}
