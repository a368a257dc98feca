package dev.iomodels.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
 * @param launchProperties application properties it is always started with: what makes a
 * control app of one jar the control of one model
 */
public record Service(String name, String shortName, String model, int port, int managementPort,
		List<String> transports, Map<String, String> launchProperties) {

	/** Spring MVC on Tomcat's platform thread pool. */
	public static final Service CLASSIC = new Service("classic-service", "classic", "platform-threads", 8081, 9081,
			List.of("nio", "nio2"), Map.of());

	/** The same MVC adapter on virtual threads. */
	public static final Service LOOM = new Service("loom-service", "loom", "virtual-threads", 8082, 9082,
			List.of("nio", "nio2"), Map.of());

	/** Spring WebFlux on Reactor Netty. */
	public static final Service WEBFLUX = new Service("webflux-service", "webflux", "event-loop", 8083, 9083,
			List.of("epoll", "nio", "io_uring"), Map.of());

	/**
	 * The bare endpoint of classic's model: Spring MVC on Tomcat's pool of 200 platform
	 * threads, a controller that answers constant bytes, no filters, no store.
	 */
	public static final Service CLASSIC_CONTROL = new Service("control-mvc", "classic-control", "platform-threads",
			8091, 9091, List.of("nio"),
			Map.of("spring.threads.virtual.enabled", "false", "server.tomcat.threads.max", "200"));

	/** The same bare MVC app on virtual threads: loom's control, configuration only. */
	public static final Service LOOM_CONTROL = new Service("control-mvc", "loom-control", "virtual-threads", 8092, 9092,
			List.of("nio"), Map.of("spring.threads.virtual.enabled", "true"));

	/** The bare endpoint of webflux's model: a WebFlux handler on Reactor Netty. */
	public static final Service WEBFLUX_CONTROL = new Service("control-webflux", "webflux-control", "event-loop", 8093,
			9093, List.of("epoll"), Map.of());

	public Service {
		transports = List.copyOf(transports);
		launchProperties = Map.copyOf(launchProperties);
	}

	/**
	 * Return the control app of this service's model: the same stack with nothing of the
	 * API on it, to measure what the API itself costs.
	 * @return the control
	 * @throws IllegalArgumentException for a service that is itself a control
	 */
	public Service control() {
		if (this.equals(CLASSIC)) {
			return CLASSIC_CONTROL;
		}
		if (this.equals(LOOM)) {
			return LOOM_CONTROL;
		}
		if (this.equals(WEBFLUX)) {
			return WEBFLUX_CONTROL;
		}
		throw new IllegalArgumentException(this.shortName + " has no control");
	}

	/**
	 * Return whether this is a control app rather than one of the services.
	 * @return whether it is a control
	 */
	public boolean isControl() {
		return CONTROLS.contains(this);
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

	/** The control apps, in the order of their services. */
	public static final List<Service> CONTROLS = List.of(CLASSIC_CONTROL, LOOM_CONTROL, WEBFLUX_CONTROL);

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
