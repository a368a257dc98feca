package dev.iomodels.remote;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of the connections to the storage node, under the same names on every
 * service whichever client it runs: {@code storage.remote.connections.active} (held by a
 * request), {@code .pending} (requests waiting for one), {@code .max}, and the timer
 * {@code storage.remote.connections.acquire} (the wait for one, tagged
 * {@code outcome=success|failure}). The gauges hold their source strongly: Reactor Netty
 * hands its registrar a view of the pool that nothing else keeps.
 */
final class RemotePoolMetrics {

	static final String PREFIX = "storage.remote.connections";

	private RemotePoolMetrics() {
	}

	static <T> void gauges(MeterRegistry registry, T source, ToDoubleFunction<T> active, ToDoubleFunction<T> pending,
			ToDoubleFunction<T> max) {
		Gauge.builder(PREFIX + ".active", source, active)
			.description("Connections to the storage node held by a request")
			.baseUnit("connections")
			.strongReference(true)
			.register(registry);
		Gauge.builder(PREFIX + ".pending", source, pending)
			.description("Requests waiting for a connection to the storage node")
			.baseUnit("requests")
			.strongReference(true)
			.register(registry);
		Gauge.builder(PREFIX + ".max", source, max)
			.description("The most connections to the storage node")
			.baseUnit("connections")
			.strongReference(true)
			.register(registry);
	}

	static Timer acquireTimer(MeterRegistry registry, String outcome) {
		return Timer.builder(PREFIX + ".acquire")
			.description("Time to get a connection to the storage node")
			.tag("outcome", outcome)
			.register(registry);
	}

}
