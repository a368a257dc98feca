package dev.iomodels.service.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

/**
 * Keeps the management port's own requests (Prometheus scrapes, health probes) out of
 * {@code http.server.requests}. WebFlux observes them in the same meter as API requests,
 * Spring MVC does not; without this filter the event-loop service would count every
 * scrape as traffic and its request rate and latency would not mean what they mean for
 * the other two.
 */
public final class ActuatorRequestsFilter implements MeterFilter {

	private static final String HTTP_SERVER_REQUESTS = "http.server.requests";

	private static final String ACTUATOR_PATH = "/actuator";

	@Override
	public MeterFilterReply accept(Meter.Id id) {
		if (!id.getName().startsWith(HTTP_SERVER_REQUESTS)) {
			return MeterFilterReply.NEUTRAL;
		}
		String uri = id.getTag("uri");
		return (uri != null && uri.startsWith(ACTUATOR_PATH)) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
	}

}
