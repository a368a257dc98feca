package dev.iomodels.comparison.run;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.iomodels.comparison.Durations;
import dev.iomodels.comparison.LoadStats;
import dev.iomodels.comparison.Scenario;
import dev.iomodels.gatling.C10kSimulation;
import dev.iomodels.gatling.ConcurrencySweepSimulation;
import dev.iomodels.gatling.GatlingRunner;
import dev.iomodels.gatling.GatlingStats;
import dev.iomodels.gatling.LargePayloadSimulation;
import dev.iomodels.gatling.SpikeSimulation;
import io.gatling.app.Gatling;
import io.gatling.javaapi.core.Simulation;

/**
 * The load generator: the gatling module's simulations, run in this JVM one at a time by
 * its {@link GatlingRunner}, one run per concurrency step so that each step has its own
 * statistics and its own report.
 */
public final class GatlingLoadGenerator implements LoadGenerator {

	/** Gatling's console output of a run, beside its report directory. */
	static final String CONSOLE_LOG = "gatling-console.log";

	/**
	 * The spike's quiet lead-in: long enough to see the jump, short enough not to dilute
	 * the step.
	 */
	private static final Duration SPIKE_IDLE = Duration.ofSeconds(5);

	/**
	 * C10K opens its connections over a ramp: ten thousand SYNs at once overflow any
	 * backlog.
	 */
	private static final Duration C10K_RAMP_UP = Duration.ofSeconds(10);

	@Override
	public LoadRun run(Scenario scenario, int users, Duration duration, URI baseUrl, Path resultsDirectory)
			throws IOException {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("baseUrl", baseUrl.toString());
		Duration loadDuration = duration;
		Class<? extends Simulation> simulation = switch (scenario.workload()) {
			case CONCURRENCY_SWEEP -> {
				properties.put("steps", Integer.toString(users));
				properties.put("stepDuration", Durations.compact(duration));
				yield ConcurrencySweepSimulation.class;
			}
			case C10K -> {
				properties.put("users", Integer.toString(users));
				properties.put("rampUp", Durations.compact(C10K_RAMP_UP));
				properties.put("duration", Durations.compact(duration));
				loadDuration = C10K_RAMP_UP.plus(duration);
				yield C10kSimulation.class;
			}
			case LARGE_PAYLOAD -> {
				properties.put("users", Integer.toString(users));
				properties.put("duration", Durations.compact(duration));
				yield LargePayloadSimulation.class;
			}
			case SPIKE -> {
				properties.put("users", Integer.toString(users));
				properties.put("idle", Durations.compact(SPIKE_IDLE));
				properties.put("duration", Durations.compact(duration));
				loadDuration = SPIKE_IDLE.plus(duration);
				yield SpikeSimulation.class;
			}
		};
		properties.putAll(scenario.simulationProperties());
		Files.createDirectories(resultsDirectory);
		// Gatling prints this once the simulation's before() hook, which preloads the
		// data,
		// is done and the virtual users start.
		ConsoleWatch console = new ConsoleWatch(Files.newOutputStream(resultsDirectory.resolve(CONSOLE_LOG)),
				"Simulation " + simulation.getName() + " started");
		GatlingRunner.Run run = GatlingRunner.execute(simulation, properties, resultsDirectory, console);
		return new LoadRun(loadStats(run.stats(), loadDuration, users), Optional.of(run.reportDirectory()),
				console.seenAt(), loadDuration);
	}

	@Override
	public String description() {
		String version = Gatling.class.getPackage().getImplementationVersion();
		return "Gatling " + ((version != null) ? version : "(version unknown)");
	}

	/**
	 * Take the figures the report uses from Gatling's statistics: the median, the 90th
	 * and the 99th percentile of its four (the 95th is left in Gatling's own report), and
	 * the throughput as the requests answered during the load over its duration. Every
	 * user of a closed model has one request in flight when the load ends; those are
	 * answered after it, so they are not counted.
	 * @param stats the statistics of all requests of a run
	 * @param loadDuration how long the load lasted
	 * @param users the concurrent users, one request in flight each at the end
	 * @return the load figures
	 */
	static LoadStats loadStats(GatlingStats stats, Duration loadDuration, int users) {
		double answeredDuringLoad = Math.max(0, stats.total() - users);
		return new LoadStats(stats.ok(), stats.ko(), answeredDuringLoad / (loadDuration.toNanos() / 1e9), stats.minMs(),
				stats.p50Ms(), stats.p90Ms(), stats.p99Ms(), stats.maxMs(), stats.meanRequestsPerSecond());
	}

}
