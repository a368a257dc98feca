package dev.iomodels.comparison;

import java.util.Optional;
import java.util.stream.Stream;

import dev.iomodels.harness.Service;

/**
 * One service on one transport: what a comparison runs and a report names. Without
 * {@code --transports} a service runs on its default transport and is named as before
 * ({@code webflux}); with it, each service runs on each listed transport it supports and
 * is named {@code webflux/io_uring}.
 *
 * @param service the service
 * @param transport the transport it is told to use ({@code iomodels.server.transport}),
 * or empty for its default
 */
record Contender(Service service, Optional<String> transport) {

	private static final char SEPARATOR = '/';

	private static final String CONTROL_SUFFIX = "-control";

	/**
	 * Return the control app of this contender's model, run on its default transport.
	 * @return the control, named e.g. {@code classic-control}
	 */
	Contender control() {
		return new Contender(this.service.control(), Optional.empty());
	}

	/**
	 * Return the name of the control beside a service in reports.
	 * @param label the service's label, e.g. {@code loom}
	 * @return e.g. {@code loom-control}
	 */
	static String controlLabel(String label) {
		return serviceOf(label) + CONTROL_SUFFIX;
	}

	/**
	 * Return the name of this contender in progress lines, reports and result files.
	 * @return e.g. {@code webflux} or {@code webflux/io_uring}
	 */
	String label() {
		return this.transport.map((id) -> this.service.shortName() + SEPARATOR + id).orElse(this.service.shortName());
	}

	/**
	 * Return the transport it runs on, the default when none was chosen.
	 * @return e.g. {@code epoll}
	 */
	String transportInUse() {
		return this.transport.orElse(this.service.defaultTransport());
	}

	/**
	 * Find the contender a label names.
	 * @param label e.g. {@code loom} or {@code loom/nio2}
	 * @return the contender, if the label names a known service
	 */
	static Optional<Contender> ofLabel(String label) {
		int separator = label.indexOf(SEPARATOR);
		String name = (separator >= 0) ? label.substring(0, separator) : label;
		Optional<String> transport = (separator >= 0) ? Optional.of(label.substring(separator + 1)) : Optional.empty();
		return Stream.concat(Service.ALL.stream(), Service.CONTROLS.stream())
			.filter((service) -> service.shortName().equals(name))
			.findFirst()
			.map((service) -> new Contender(service, transport));
	}

	/**
	 * Return the short name of the service a label names.
	 * @param label e.g. {@code loom/nio2}
	 * @return e.g. {@code loom}
	 */
	static String serviceOf(String label) {
		int separator = label.indexOf(SEPARATOR);
		return (separator >= 0) ? label.substring(0, separator) : label;
	}

}
