package dev.iomodels.classic;

import dev.iomodels.mvc.MvcAdapter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The storage API on Spring MVC and Tomcat's pool of platform threads: one thread held
 * per request.
 */
@SpringBootApplication
@Import(MvcAdapter.class)
public class ClassicServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ClassicServiceApplication.class, args);
	}

}
