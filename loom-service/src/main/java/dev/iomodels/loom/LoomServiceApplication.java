package dev.iomodels.loom;

import dev.iomodels.mvc.MvcAdapter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The same Spring MVC adapter on Tomcat with a virtual thread per request: Loom is
 * configuration, not code.
 */
@SpringBootApplication
@Import(MvcAdapter.class)
public class LoomServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(LoomServiceApplication.class, args);
	}

}
