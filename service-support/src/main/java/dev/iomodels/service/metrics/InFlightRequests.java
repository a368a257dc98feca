package dev.iomodels.service.metrics;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The number of API requests being handled right now, defined once for the three
 * services: a request is counted from the moment the web stack's first filter sees it (a
 * servlet filter on the MVC services, a web filter on WebFlux) until its response is
 * complete or has failed. Requests of the management port are never counted, and neither
 * are connections that have not yet sent a request.
 * <p>
 * Each service has one of these, registered as {@value #METER_NAME}; its web adapter
 * calls {@link #started()} and {@link #finished()} exactly once per request. With
 * Little's law, this gauge divided by the request rate is the mean time a request spends
 * in the service: on classic-service under emulated latency it stops at the Tomcat pool
 * size, on the other two it follows the load.
 */
public final class InFlightRequests implements MeterBinder {

	/** The gauge's name. */
	public static final String METER_NAME = "http.server.requests.in.flight";

	private final AtomicInteger count = new AtomicInteger();

	/**
	 * Count a request that the web stack has just received.
	 */
	public void started() {
		this.count.incrementAndGet();
	}

	/**
	 * Stop counting a request whose response is complete or has failed.
	 */
	public void finished() {
		this.count.decrementAndGet();
	}

	/**
	 * Return how many requests are in flight.
	 * @return the count
	 */
	public int current() {
		return this.count.get();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(METER_NAME, this.count, AtomicInteger::get)
			.description("API requests being handled: from the first filter until the response is complete")
			.register(registry);
	}

}
