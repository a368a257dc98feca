package dev.iomodels.comparison.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import dev.iomodels.comparison.Contender;
import dev.iomodels.comparison.LoadStats;
import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.sampling.StepMetrics;

/**
 * One row of {@code results.csv} and {@code results.json}: one service at one step of one
 * scenario, flat, in plain units. Gauges are the peak over the step's window; GC figures
 * and allocation are increases over that window; {@code null} (an empty CSV cell) means
 * not measured.
 *
 * @param scenario the scenario's id
 * @param service the service's short name, with its transport when the comparison chose
 * transports ({@code webflux/io_uring})
 * @param model its I/O model
 * @param transport the transport it ran on ({@code iomodels.server.transport}), its
 * default when none was chosen
 * @param emulatedLatencyMs the storage latency of the scenario
 * @param users the concurrent users of the step
 * @param stepDurationS how long the step held its users
 * @param requestsOk successful requests
 * @param requestsKo failed requests
 * @param successRate ok / all, from 0 to 1
 * @param requestsPerSecond throughput: requests answered during the load over its
 * duration (all requests less the one each user still has in flight when the load ends)
 * @param gatlingRequestsPerSecond Gatling's own mean throughput, over every second the
 * run touched
 * @param idealRequestsPerSecond users / latency, the throughput of a service that never
 * queues
 * @param latencyMinMs fastest response
 * @param latencyP50Ms median
 * @param latencyP90Ms 90th percentile
 * @param latencyP99Ms 99th percentile
 * @param latencyMaxMs slowest response
 * @param cpuCores CPU the service used while loaded, in cores
 * @param cpuMsPerRequest CPU time per request
 * @param loadGeneratorCores CPU the load generator used meanwhile, in cores
 * @param storageCores CPU the storage node used meanwhile, in cores (remote backend only)
 * @param otherCores CPU every other process on the machine used meanwhile, in cores; a
 * slightly negative value is noise (the three readings are taken milliseconds apart)
 * @param rssMaxMiB peak resident set size
 * @param heapMaxMiB peak heap used
 * @param nonHeapMaxMiB peak non-heap used
 * @param platformThreadsMax most live platform threads (JVM)
 * @param osThreadsMax most threads of the process (kernel)
 * @param virtualThreadsMax most virtual threads
 * @param inFlightMax most requests in progress
 * @param gcPauses collector pauses in the window
 * @param gcPauseMs time in those pauses
 * @param allocatedMiB heap allocated in the window
 * @param requestsServed requests the service counted in the window (warm-up of the load
 * generator included)
 * @param windowS the sampling window
 * @param loadedS the part of it with requests answered
 * @param samples samples in the window
 * @param gatlingReport the Gatling report's directory, relative to the results
 * @param failure why the step failed, if it did
 * @param role {@code service}, {@code control} (a control app, named after its service)
 * or {@code cross-check} (the step measured again by the other load generator)
 * @param loadGenerator what drove the step, e.g. {@code wrk 4.1.0}
 * @param runs how many runs the figures are the median of
 * @param requestsPerSecondMin the lowest throughput of the runs
 * @param requestsPerSecondMax the highest
 * @param latencyP99MinMs the lowest p99 of the runs
 * @param latencyP99MaxMs the highest
 * @param controlRequestsPerSecond the throughput of the control app of the service's
 * model at the same step, with {@code --controls}
 * @param controlLatencyP99Ms the control's p99
 * @param overheadRatio the service's throughput ÷ its control's: the share of its model's
 * throughput that the API leaves
 * @param overheadRatioMin the lowest ratio of a service run and the control run after it
 * @param overheadRatioMax the highest
 * @param p99Ratio the service's p99 ÷ its control's
 * @param jitCompilationMs time the JIT compilers spent compiling during the step
 * @param jitBusy whether that was more than 5 % of the step: measured while still warming
 * up
 */
public record ResultRow(String scenario, String service, String model, String transport, long emulatedLatencyMs,
		int users, long stepDurationS, long requestsOk, long requestsKo, Double successRate, Double requestsPerSecond,
		Double gatlingRequestsPerSecond, Double idealRequestsPerSecond, Double latencyMinMs, Double latencyP50Ms,
		Double latencyP90Ms, Double latencyP99Ms, Double latencyMaxMs, Double cpuCores, Double cpuMsPerRequest,
		Double loadGeneratorCores, Double storageCores, Double otherCores, Double rssMaxMiB, Double heapMaxMiB,
		Double nonHeapMaxMiB, Double platformThreadsMax, Double osThreadsMax, Double virtualThreadsMax,
		Double inFlightMax, Double gcPauses, Double gcPauseMs, Double allocatedMiB, Double requestsServed,
		Double windowS, Double loadedS, int samples, String gatlingReport, String failure, String role,
		String loadGenerator, int runs, Double requestsPerSecondMin, Double requestsPerSecondMax,
		Double latencyP99MinMs, Double latencyP99MaxMs, Double controlRequestsPerSecond, Double controlLatencyP99Ms,
		Double overheadRatio, Double overheadRatioMin, Double overheadRatioMax, Double p99Ratio,
		Double jitCompilationMs, boolean jitBusy) {

	/**
	 * Flatten a result.
	 * @param result the result
	 * @param scenario its scenario
	 * @return the row
	 */
	public static ResultRow of(StepResult result, Scenario scenario) {
		return of(result, scenario, "service", "", Optional.empty());
	}

	/**
	 * Flatten a result, beside its control's if it has one.
	 * @param result the result
	 * @param scenario its scenario
	 * @param role {@code service}, {@code control} or {@code cross-check}
	 * @param loadGenerator what drove it
	 * @param control the control app's result at the same step
	 * @return the row
	 */
	public static ResultRow of(StepResult result, Scenario scenario, String role, String loadGenerator,
			Optional<StepResult> control) {
		LoadStats load = result.load();
		StepMetrics metrics = result.metrics();
		Optional<Overhead> overhead = control.map((found) -> Overhead.of(result, found));
		Optional<Contender> contender = Contender.ofLabel(result.service());
		String model = contender.map((found) -> found.service().model()).orElse("");
		String transport = contender.map(Contender::transportInUse).orElse("");
		return new ResultRow(scenario.id(), result.service(), model, transport, scenario.emulatedLatency().toMillis(),
				result.users(), scenario.stepDuration().toSeconds(), load.requestsOk(), load.requestsKo(),
				rounded(load.successRate(), 6), rounded(load.requestsPerSecond(), 3),
				rounded(load.gatlingRequestsPerSecond(), 3),
				rounded(scenario.idealRequestsPerSecond(result.users()), 3), rounded(load.minMillis(), 3),
				rounded(load.p50Millis(), 3), rounded(load.p90Millis(), 3), rounded(load.p99Millis(), 3),
				rounded(load.maxMillis(), 3), rounded(metrics.cpuCores(), 3), rounded(metrics.cpuMillisPerRequest(), 4),
				rounded(metrics.loadGeneratorCores(), 3), rounded(metrics.storageCores(), 3),
				rounded(metrics.otherCores(), 3), rounded(Format.toMebibytes(metrics.rssMaxBytes()), 1),
				rounded(Format.toMebibytes(metrics.heapMaxBytes()), 1),
				rounded(Format.toMebibytes(metrics.nonHeapMaxBytes()), 1), rounded(metrics.platformThreadsMax(), 0),
				rounded(metrics.osThreadsMax(), 0), rounded(metrics.virtualThreadsMax(), 0),
				rounded(metrics.inFlightMax(), 0), rounded(metrics.gcPauses(), 0), rounded(metrics.gcPauseMillis(), 3),
				rounded(Format.toMebibytes(metrics.allocatedBytes()), 1), rounded(metrics.requestsServed(), 0),
				rounded(metrics.windowSeconds(), 3), rounded(metrics.loadedSeconds(), 3), metrics.samples(),
				result.gatlingReport().orElse(""), result.failure().orElse(""), role, loadGenerator,
				result.runs().size(), rounded(result.spread(Metric.THROUGHPUT).min(), 3),
				rounded(result.spread(Metric.THROUGHPUT).max(), 3), rounded(result.spread(Metric.P99_LATENCY).min(), 3),
				rounded(result.spread(Metric.P99_LATENCY).max(), 3),
				control.map((found) -> rounded(found.load().requestsPerSecond(), 3)).orElse(null),
				control.map((found) -> rounded(found.load().p99Millis(), 3)).orElse(null),
				overhead.map((found) -> rounded(found.throughputRatio(), 4)).orElse(null),
				overhead.flatMap(Overhead::throughputRange).map((spread) -> rounded(spread.min(), 4)).orElse(null),
				overhead.flatMap(Overhead::throughputRange).map((spread) -> rounded(spread.max(), 4)).orElse(null),
				overhead.map((found) -> rounded(found.p99Ratio(), 4)).orElse(null),
				rounded(metrics.compilationMillis(), 1), metrics.jitBusy());
	}

	// Rounded where the source is no more precise anyway (sampling once a second, MiB to
	// a
	// tenth); null instead of NaN, which neither CSV readers nor JSON accept.
	private static Double rounded(double value, int decimals) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return null;
		}
		return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
	}

}
