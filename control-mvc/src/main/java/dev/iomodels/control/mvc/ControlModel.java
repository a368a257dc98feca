package dev.iomodels.control.mvc;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The I/O model this control runs, read from the property that chooses it, so that
 * {@code /api/v1/info} and the {@code model} tag of every meter cannot disagree with the
 * threads that actually serve. A property of its own could not follow
 * {@code spring.threads.virtual.enabled}, hence this rather than
 * {@code management.metrics.tags.model}.
 */
@Component
final class ControlModel implements MeterRegistryCustomizer<MeterRegistry> {

	private final String id;

	ControlModel(Environment environment) {
		this.id = Threading.VIRTUAL.isActive(environment) ? "virtual-threads" : "platform-threads";
	}

	/**
	 * Return the model's id, as the services report theirs.
	 * @return {@code platform-threads} or {@code virtual-threads}
	 */
	String id() {
		return this.id;
	}

	@Override
	public void customize(MeterRegistry registry) {
		registry.config().commonTags("model", this.id);
	}

}
