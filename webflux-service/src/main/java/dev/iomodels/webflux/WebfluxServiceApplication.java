package dev.iomodels.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The storage API on Spring WebFlux and Reactor Netty: a handful of event-loop threads
 * multiplex every connection, and a request that waits for storage holds no thread.
 */
@SpringBootApplication
public class WebfluxServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(WebfluxServiceApplication.class, args);
	}

}
