package dev.iomodels.control.mvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The control of the MVC services: Spring MVC on Tomcat answering the storage API's
 * routes with constants. Run with platform threads it is classic's control, with
 * {@code spring.threads.virtual.enabled=true} loom's; a service's figures divided by its
 * control's are what the project's own code costs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ControlMvcApplication {

	public static void main(String[] args) {
		SpringApplication.run(ControlMvcApplication.class, args);
	}

}
