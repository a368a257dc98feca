package dev.iomodels.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The storage API on Spring WebFlux and Reactor Netty: a handful of event-loop threads
 * multiplex every connection, and a request that waits for storage holds no thread.
 */
@SpringBootApplication
@Import(WebfluxAdapter.class)
public class WebfluxServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(WebfluxServiceApplication.class, args);
	}

}
