package dev.iomodels.service.metrics;

import dev.iomodels.service.IoModel;
import dev.iomodels.service.Transport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;

/**
 * The tags on every meter of a service, which let one Prometheus query show the three
 * services side by side and tell them apart.
 *
 * @param application the short name of the service: {@code classic}, {@code loom} or
 * {@code webflux}
 * @param model the I/O model: {@code platform-threads}, {@code virtual-threads} or
 * {@code event-loop}
 * @param transport the API server's transport ({@code iomodels.server.transport}):
 * {@code nio}, {@code nio2}, {@code epoll} or {@code io_uring}
 */
public record CommonTags(String application, String model,
		String transport) implements MeterRegistryCustomizer<MeterRegistry> {

	private static final String SERVICE_SUFFIX = "-service";

	/**
	 * Derive the tags from the service's name, I/O model and transport.
	 * @param applicationName {@code spring.application.name}, e.g. {@code loom-service}
	 * @param model the I/O model
	 * @param transport the API server's transport
	 * @return the tags, e.g. {@code application=loom, model=virtual-threads,
	 * transport=nio}
	 */
	public static CommonTags of(String applicationName, IoModel model, Transport transport) {
		String application = applicationName.endsWith(SERVICE_SUFFIX)
				? applicationName.substring(0, applicationName.length() - SERVICE_SUFFIX.length()) : applicationName;
		return new CommonTags(application, model.id(), transport.id());
	}

	/**
	 * Return the tags.
	 * @return {@code application}, {@code model} and {@code transport}
	 */
	public Tags tags() {
		return Tags.of("application", this.application, "model", this.model, "transport", this.transport);
	}

	@Override
	public void customize(MeterRegistry registry) {
		registry.config().commonTags(tags());
	}

}
