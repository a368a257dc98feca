package dev.iomodels.comparison.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

import dev.iomodels.comparison.sampling.MachineCpu;
import dev.iomodels.comparison.sampling.ProcessStatus;
import dev.iomodels.comparison.sampling.RunningService;
import dev.iomodels.harness.PrometheusScrape;
import dev.iomodels.harness.Service;

/**
 * A service that already runs elsewhere ({@code --target}): driven like one the
 * comparison started, but never started, restarted or stopped by it, and sampled over
 * HTTP only. Every figure that a local service's {@code /proc} gives comes from its own
 * meters instead: resident memory from {@code process_memory_rss_bytes}, operating-system
 * threads from {@code process_threads} (CPU time is {@code process_cpu_time_ns_total} for
 * local services too). The CPU of the target's machine is its {@code system_cpu_usage}
 * times {@code system_cpu_count}, summed over the samples into a counter, so that "other
 * CPU" is what the rest of that machine used (less the load generator's when the target
 * runs on this machine). Its log is a file of the comparison's own, where it writes what
 * it saw of the target.
 */
final class RemoteService implements RunningService {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final RemoteTarget target;

	private final HttpClient client;

	private final Path log;

	private final boolean onThisMachine;

	private double hostBusySeconds;

	private long lastSampleNanos = -1;

	RemoteService(RemoteTarget target, HttpClient client, Path log) {
		this.target = target;
		this.client = client;
		this.log = log;
		this.onThisMachine = target.onThisMachine();
	}

	/**
	 * Reach a target and check that it is ready.
	 * @param target the target
	 * @param client the HTTP client to use
	 * @param logDirectory where its log goes
	 * @return the target, ready to be driven
	 * @throws IOException if it does not answer ready
	 */
	static RemoteService connect(RemoteTarget target, HttpClient client, Path logDirectory) throws IOException {
		Files.createDirectories(logDirectory);
		Path log = logDirectory.resolve(target.service().name() + "-remote.log");
		RemoteService service = new RemoteService(target, client, log);
		service.note("driving %s at %s, management %s (%s); not started, restarted or stopped by the comparison"
			.formatted(target.name(), target.api(), target.management(),
					service.onThisMachine ? "on this machine" : "on another machine"));
		int status = service.status("/actuator/health/readiness");
		if (status != 200) {
			String why = (status < 0) ? "does not answer" : "answers " + status;
			service.note("readiness " + why);
			throw new IOException(target.name() + " at " + target.management() + ": the readiness probe " + why);
		}
		return service;
	}

	@Override
	public Service service() {
		return this.target.service();
	}

	@Override
	public URI api() {
		return this.target.api();
	}

	@Override
	public URI management() {
		return this.target.management();
	}

	@Override
	public Path log() {
		return this.log;
	}

	@Override
	public boolean alive() {
		int status = status("/actuator/health/liveness");
		if (status != 200) {
			note("liveness " + ((status < 0) ? "does not answer" : "answers " + status));
			return false;
		}
		return true;
	}

	@Override
	public ProcessStatus processStatus(PrometheusScrape scrape) {
		return new ProcessStatus(scrape.sum("process_memory_rss_bytes"), scrape.sum("process_threads"));
	}

	@Override
	public MachineCpu machineCpu(PrometheusScrape scrape) {
		return machineCpu(scrape, System.nanoTime(), MachineCpu.read().loadGeneratorSeconds());
	}

	/**
	 * Add the target machine's CPU since the last sample to its counter.
	 * @param scrape the target's scrape
	 * @param nanos when it was taken ({@link System#nanoTime()})
	 * @param loadGeneratorSeconds the load generator's CPU time
	 * @return the counters
	 */
	synchronized MachineCpu machineCpu(PrometheusScrape scrape, long nanos, double loadGeneratorSeconds) {
		double busyCores = scrape.sum("system_cpu_usage") * scrape.sum("system_cpu_count");
		if (this.lastSampleNanos >= 0) {
			this.hostBusySeconds += busyCores * (nanos - this.lastSampleNanos) / 1e9;
		}
		this.lastSampleNanos = nanos;
		// "Other" is machine − service − load generator: on another machine the load
		// generator's CPU is not in the target's figure, so it is added back here.
		return new MachineCpu(this.hostBusySeconds + (this.onThisMachine ? 0 : loadGeneratorSeconds),
				loadGeneratorSeconds);
	}

	/**
	 * Leave the target running: it is not the comparison's to stop.
	 */
	@Override
	public void close() {
		note("done; left running");
	}

	private int status(String path) {
		try {
			HttpRequest request = HttpRequest.newBuilder(this.target.management().resolve(path))
				.timeout(TIMEOUT)
				.build();
			return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private void note(String line) {
		try {
			Files.writeString(this.log, Instant.now() + " " + line + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			// The log is an aid; a failure to write it changes no figure.
		}
	}

}
