package dev.iomodels.comparison;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.iomodels.harness.Service;

/**
 * One service on one transport, and on the remote backend with one storage client: what a
 * comparison runs and a report names. Without {@code --transports} a service runs on its
 * default transport and is named as before ({@code webflux}); with it, each service runs
 * on each listed transport it supports and is named {@code webflux/io_uring}. Likewise
 * {@code --remote-clients} runs classic and loom on each listed blocking client of the
 * storage node, named {@code loom/apache} (webflux has one client, {@code WebClient}).
 *
 * @param service the service
 * @param transport the transport it is told to use ({@code iomodels.server.transport}),
 * or empty for its default
 * @param client the storage node's client it is told to use
 * ({@code storage.remote.client}), or empty for its default
 */
public record Contender(Service service, Optional<String> transport, Optional<String> client) {

	/** The blocking clients of the remote backend ({@code storage.remote.client}). */
	public static final List<String> REMOTE_CLIENTS = List.of("jdk", "apache", "reactor");

	private static final char SEPARATOR = '/';

	/**
	 * A service on a transport, with its default storage client.
	 * @param service the service
	 * @param transport its transport, or empty for its default
	 */
	public Contender(Service service, Optional<String> transport) {
		this(service, transport, Optional.empty());
	}

	private static final String CONTROL_SUFFIX = "-control";

	/**
	 * Return the control app of this contender's model, run on its default transport.
	 * @return the control, named e.g. {@code classic-control}
	 */
	public Contender control() {
		return new Contender(this.service.control(), Optional.empty());
	}

	/**
	 * Return the name of the control beside a service in reports.
	 * @param label the service's label, e.g. {@code loom}
	 * @return e.g. {@code loom-control}
	 */
	public static String controlLabel(String label) {
		return serviceOf(label) + CONTROL_SUFFIX;
	}

	/**
	 * Return the name of this contender in progress lines, reports and result files.
	 * @return e.g. {@code webflux}, {@code webflux/io_uring} or {@code loom/nio2/apache}
	 */
	public String label() {
		return this.service.shortName() + this.transport.map((id) -> SEPARATOR + id).orElse("")
				+ this.client.map((id) -> SEPARATOR + id).orElse("");
	}

	/**
	 * Return the transport it runs on, the default when none was chosen.
	 * @return e.g. {@code epoll}
	 */
	public String transportInUse() {
		return this.transport.orElse(this.service.defaultTransport());
	}

	/**
	 * Find the contender a label names.
	 * @param label e.g. {@code loom}, {@code loom/nio2} or {@code loom/apache}
	 * @return the contender, if the label names a known service
	 */
	public static Optional<Contender> ofLabel(String label) {
		String[] parts = label.split(String.valueOf(SEPARATOR));
		Optional<String> transport = Optional.empty();
		Optional<String> client = Optional.empty();
		for (int i = 1; i < parts.length; i++) {
			if (REMOTE_CLIENTS.contains(parts[i])) {
				client = Optional.of(parts[i]);
			}
			else {
				transport = Optional.of(parts[i]);
			}
		}
		Optional<String> transportNamed = transport;
		Optional<String> clientNamed = client;
		return Stream.concat(Service.ALL.stream(), Service.CONTROLS.stream())
			.filter((service) -> service.shortName().equals(parts[0]))
			.findFirst()
			.map((service) -> new Contender(service, transportNamed, clientNamed));
	}

	/**
	 * Return the short name of the service a label names.
	 * @param label e.g. {@code loom/nio2}
	 * @return e.g. {@code loom}
	 */
	public static String serviceOf(String label) {
		int separator = label.indexOf(SEPARATOR);
		return (separator >= 0) ? label.substring(0, separator) : label;
	}

}
