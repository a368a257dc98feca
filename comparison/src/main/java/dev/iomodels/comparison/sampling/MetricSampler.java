package dev.iomodels.comparison.sampling;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

import dev.iomodels.harness.PrometheusScrape;
import dev.iomodels.harness.PrometheusScrape.Sample;

/**
 * Samples a running service every second while a step runs: its Prometheus endpoint for
 * the JVM's own figures and {@code /proc} for the kernel's. Started before the load and
 * finished after it, so that every counter has a reading on both sides of the window.
 */
public final class MetricSampler {

	private static final Duration INTERVAL = Duration.ofSeconds(1);

	private final RunningService service;

	private final HttpClient client;

	private final OptionalLong storageProcess;

	private final List<MetricSample> samples = new ArrayList<>();

	private final long started = System.nanoTime();

	private final Thread sampling;

	private volatile boolean running = true;

	private MetricSampler(RunningService service, HttpClient client, OptionalLong storageProcess) {
		this.service = service;
		this.client = client;
		this.storageProcess = storageProcess;
		sampleNow();
		this.sampling = Thread.ofVirtual().name("metric-sampler-" + service.service().shortName()).start(this::run);
	}

	/**
	 * Take a first sample and go on sampling every second.
	 * @param service the service to sample
	 * @param client the HTTP client for the scrapes
	 * @param storageProcess the process that serves the service's store (the remote
	 * backend's storage node), whose CPU time is read too; empty for none
	 * @return the running sampler
	 */
	public static MetricSampler start(RunningService service, HttpClient client, OptionalLong storageProcess) {
		return new MetricSampler(service, client, storageProcess);
	}

	/**
	 * Return when the first sample was taken, the origin of the samples' times.
	 * @return the {@link System#nanoTime()} of the start
	 */
	public long startedNanos() {
		return this.started;
	}

	/**
	 * Stop sampling and take a last sample.
	 * @return every sample, in time order
	 * @throws InterruptedException if interrupted while waiting for the sampling thread
	 */
	public List<MetricSample> finish() throws InterruptedException {
		this.running = false;
		LockSupport.unpark(this.sampling);
		this.sampling.join();
		sampleNow();
		synchronized (this.samples) {
			return List.copyOf(this.samples);
		}
	}

	private void run() {
		long next = this.started + INTERVAL.toNanos();
		while (this.running) {
			LockSupport.parkNanos(next - System.nanoTime());
			if (this.running && System.nanoTime() >= next) {
				sampleNow();
				next += INTERVAL.toNanos();
			}
		}
	}

	private void sampleNow() {
		double seconds = (System.nanoTime() - this.started) / 1e9;
		PrometheusScrape scrape;
		try {
			scrape = PrometheusScrape.of(this.client, this.service.management());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		catch (Exception ex) {
			// A scrape that fails under load (timeout, refused) leaves a gap, not a zero:
			// counters are compared across the gap and gauges miss one reading.
			return;
		}
		// From /proc for a service started here, from its own meters for a remote target.
		MetricSample sample = toSample(seconds, scrape, this.service.processStatus(scrape),
				this.service.machineCpu(scrape), storageCpuSeconds());
		synchronized (this.samples) {
			this.samples.add(sample);
		}
	}

	private double storageCpuSeconds() {
		return this.storageProcess.isPresent() ? MachineCpu.processSeconds(this.storageProcess.getAsLong())
				: Double.NaN;
	}

	/**
	 * Turn one scrape and one reading of {@code /proc} into a sample.
	 * @param seconds seconds since the window began
	 * @param scrape the Prometheus scrape
	 * @param status the kernel's figures
	 * @param machine the machine's and the load generator's CPU time
	 * @param storageCpuSeconds the storage node's CPU time, {@code NaN} for none
	 * @return the sample
	 */
	static MetricSample toSample(double seconds, PrometheusScrape scrape, ProcessStatus status, MachineCpu machine,
			double storageCpuSeconds) {
		return new MetricSample(seconds, scrape.sum("jvm_memory_used_bytes", Map.of("area", "heap")),
				scrape.sum("jvm_memory_used_bytes", Map.of("area", "nonheap")), scrape.sum("jvm_threads_live_threads"),
				virtualThreads(scrape), status.threads(), status.rssBytes(), inFlight(scrape),
				scrape.sum("process_cpu_time_ns_total") / 1e9, machine.machineBusySeconds(),
				machine.loadGeneratorSeconds(), storageCpuSeconds, apiSum(scrape, "http_server_requests_seconds_count"),
				// A collector's pause timer appears with its first pause: absent means
				// none yet.
				zeroIfAbsent(scrape.sum("jvm_gc_pause_seconds_count")),
				zeroIfAbsent(scrape.sum("jvm_gc_pause_seconds_sum")), scrape.sum("jvm_gc_memory_allocated_bytes_total"),
				scrape.sum("jvm_compilation_time_ms_total"), LatencyHistogram.of(scrape));
	}

	/**
	 * Virtual threads as the JVM's scheduler counts them: mounted on a carrier or queued
	 * for one. A virtual thread parked while it waits is in neither state, so on the loom
	 * service the requests in flight are the better count of virtual threads alive.
	 */
	private static double virtualThreads(PrometheusScrape scrape) {
		return scrape.sum("jvm_threads_virtual_live_threads");
	}

	/**
	 * Requests in progress: the services' own gauge, the same definition in all three, or
	 * else Spring's long-task timer of requests in progress.
	 */
	private static double inFlight(PrometheusScrape scrape) {
		double gauge = scrape.sum("http_server_requests_in_flight");
		return Double.isNaN(gauge) ? apiSum(scrape, "http_server_requests_active_seconds_count") : gauge;
	}

	/**
	 * Sum a metric over the API's requests only; the management port's own requests (this
	 * sampler's scrapes) are no load.
	 */
	private static double apiSum(PrometheusScrape scrape, String name) {
		List<Sample> api = scrape.named(name)
			.stream()
			.filter((sample) -> !sample.labels().getOrDefault("uri", "").startsWith("/actuator"))
			.toList();
		return api.isEmpty() ? 0 : api.stream().mapToDouble(Sample::value).sum();
	}

	private static double zeroIfAbsent(double value) {
		return Double.isNaN(value) ? 0 : value;
	}

}
