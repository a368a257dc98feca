package dev.iomodels.comparison.run;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import dev.iomodels.comparison.LoadStats;
import dev.iomodels.comparison.Scenario;

/**
 * What drives a service during a step. The comparison only knows this much of the load
 * generator, which keeps Gatling out of the orchestration and the report.
 */
interface LoadGenerator {

	/**
	 * Drive a service with a scenario's workload at one concurrency.
	 * @param scenario the scenario
	 * @param users the concurrent users
	 * @param duration how long to hold them
	 * @param baseUrl the service's API base URI
	 * @param resultsDirectory where the run's own report goes
	 * @return what the load generator saw
	 * @throws Exception if the run could not be made
	 */
	LoadRun run(Scenario scenario, int users, Duration duration, URI baseUrl, Path resultsDirectory) throws Exception;

	/**
	 * Describe the load generator for the environment.
	 * @return e.g. {@code Gatling 3.15.1}
	 */
	String description();

	/**
	 * The outcome of one run.
	 *
	 * @param stats the figures
	 * @param reportDirectory the run's HTML report, if it wrote one
	 * @param loadStartedNanos when the measured load began ({@link System#nanoTime()}),
	 * after any preparation of the run's data, if the load generator could tell
	 * @param loadDuration how long the measured load lasted, as planned
	 */
	record LoadRun(LoadStats stats, Optional<Path> reportDirectory, OptionalLong loadStartedNanos,
			Duration loadDuration) {

	}

}
