package dev.iomodels.node;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.iomodels.storage.ObjectStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The node's own meters: requests in flight, each request's time from its arrival to its
 * answer (the latency a client sees, less the network), and how full the store is. Tagged
 * {@code application=storage-node} like the services' meters are tagged with theirs.
 */
final class NodeMetrics {

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final AtomicInteger inFlight = new AtomicInteger();

	NodeMetrics(ObjectStore store) {
		this.registry.config().commonTags("application", "storage-node");
		Gauge.builder("storage.node.requests.in.flight", this.inFlight, AtomicInteger::get)
			.description("Requests the node has received and not yet answered")
			.register(this.registry);
		Gauge.builder("storage.node.objects", store, (s) -> s.stats().objects())
			.description("Objects stored")
			.register(this.registry);
		Gauge.builder("storage.node.bytes", store, (s) -> s.stats().bytes())
			.baseUnit("bytes")
			.description("Payload bytes stored")
			.register(this.registry);
		new JvmMemoryMetrics().bindTo(this.registry);
		new JvmThreadMetrics().bindTo(this.registry);
		new ProcessorMetrics().bindTo(this.registry);
	}

	/**
	 * Count a request that arrived.
	 * @return its start, for {@link #finished}
	 */
	long started() {
		this.inFlight.incrementAndGet();
		return System.nanoTime();
	}

	/**
	 * Record a request that was answered or abandoned.
	 * @param start what {@link #started()} returned
	 * @param operation what it asked for
	 * @param status the status answered, {@code 0} if none was
	 */
	void finished(long start, String operation, int status) {
		this.inFlight.decrementAndGet();
		Timer.builder("storage.node.requests")
			.description("Requests from their arrival to their answer, the node's latency included")
			.tag("operation", operation)
			.tag("status", Integer.toString(status))
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(60))
			.register(this.registry)
			.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
	}

	int inFlight() {
		return this.inFlight.get();
	}

	String scrape() {
		return this.registry.scrape();
	}

	void close() {
		this.registry.close();
	}

}
