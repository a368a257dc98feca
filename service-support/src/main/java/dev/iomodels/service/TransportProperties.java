package dev.iomodels.service;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code iomodels.server.transport} setting: which {@link Transport} the API server
 * uses. Unset, each web stack uses its own default ({@link TransportSupport}). It is read
 * as text, so that a value no service knows fails with the same message, naming the
 * transports of this service, as a value this service cannot run.
 *
 * @param transport the transport's id, e.g. {@code io_uring}, or {@code null} for the
 * stack's default
 */
@ConfigurationProperties("iomodels.server")
public record TransportProperties(String transport) {

	/** The property's name, for messages. */
	public static final String PROPERTY = "iomodels.server.transport";

}
