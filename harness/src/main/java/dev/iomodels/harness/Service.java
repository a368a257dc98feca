package dev.iomodels.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The three services under comparison, with their default ports and where their jars are
 * built.
 *
 * @param name the module name, e.g. {@code classic-service}
 * @param shortName the name used in reports and metrics, e.g. {@code classic}
 * @param model the I/O model id reported by {@code /api/v1/info}
 * @param port the default API port
 * @param managementPort the default management port
 * @param transports the values of {@code iomodels.server.transport} it can run, its
 * default first
 */
public record Service(String name, String shortName, String model, int port, int managementPort,
		List<String> transports) {

	/** Spring MVC on Tomcat's platform thread pool. */
	public static final Service CLASSIC = new Service("classic-service", "classic", "platform-threads", 8081, 9081,
			List.of("nio", "nio2"));

	/** The same MVC adapter on virtual threads. */
	public static final Service LOOM = new Service("loom-service", "loom", "virtual-threads", 8082, 9082,
			List.of("nio", "nio2"));

	/** Spring WebFlux on Reactor Netty. */
	public static final Service WEBFLUX = new Service("webflux-service", "webflux", "event-loop", 8083, 9083,
			List.of("epoll", "nio", "io_uring"));

	public Service {
		transports = List.copyOf(transports);
	}

	/**
	 * Return the transport this service runs when none is set.
	 * @return e.g. {@code epoll}
	 */
	public String defaultTransport() {
		return this.transports.getFirst();
	}

	/** All three, in the order reports list them. */
	public static final List<Service> ALL = List.of(CLASSIC, LOOM, WEBFLUX);

	/**
	 * Find a service by its module or short name.
	 * @param name e.g. {@code loom} or {@code loom-service}
	 * @return the service
	 * @throws IllegalArgumentException for an unknown name
	 */
	public static Service named(String name) {
		return ALL.stream()
			.filter((service) -> service.name().equals(name) || service.shortName().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"Unknown service '" + name + "'; use one of classic, loom, webflux"));
	}

	/**
	 * Return the executable jar of this service in a checkout.
	 * @param projectRoot the root of the checkout
	 * @param version the project version
	 * @return the jar
	 * @throws IllegalStateException if it has not been built
	 */
	public Path jar(Path projectRoot, String version) {
		Path jar = projectRoot.resolve(this.name).resolve("target").resolve(this.name + "-" + version + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Missing " + jar + ": build the services first (./mvnw package)");
		}
		return jar;
	}

}
