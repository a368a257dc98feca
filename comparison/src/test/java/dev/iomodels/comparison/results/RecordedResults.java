package dev.iomodels.comparison.results;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.iomodels.comparison.Environment;
import dev.iomodels.comparison.LoadStats;
import dev.iomodels.comparison.Machine;
import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.Workload;
import dev.iomodels.comparison.sampling.LatencyHistogram;
import dev.iomodels.comparison.sampling.LoadWindow;
import dev.iomodels.comparison.sampling.MetricSample;
import dev.iomodels.comparison.sampling.StepMetrics;

/**
 * Results as a comparison records them, for tests of the ranking and the report files:
 * the figures of a quick-profile run on two cores, with one run that had failed requests.
 */
public final class RecordedResults {

	public static final List<String> SERVICES = List.of("classic", "loom", "webflux");

	public static final Scenario LATENCY_SWEEP = new Scenario("latency-sweep",
			"Concurrency sweep, 100 ms storage latency", "Every request waits 100 ms.", Workload.CONCURRENCY_SWEEP,
			Duration.ofMillis(100), List.of(50, 200, 800), Duration.ofSeconds(10), Map.of());

	static final Scenario CPU_BOUND_SWEEP = new Scenario("cpu-bound-sweep", "Concurrency sweep, no latency (CPU-bound)",
			"Nothing waits.", Workload.CONCURRENCY_SWEEP, Duration.ZERO, List.of(10, 50, 200), Duration.ofSeconds(10),
			Map.of());

	public static final Scenario C10K = new Scenario("c10k", "C10K", "Ten thousand users.", Workload.C10K,
			Duration.ofSeconds(1), List.of(10_000), Duration.ofSeconds(30), Map.of());

	private RecordedResults() {
	}

	/**
	 * The cumulative latency histogram after some seconds of a run whose every second
	 * answers {@code rps} requests, half of them within {@code p50}, 99 % within
	 * {@code p99} and all within a minute or twice p99: every second's quantiles are then
	 * exactly p50 and p99.
	 */
	static LatencyHistogram latency(int seconds, double rps, double p50Ms, double p99Ms) {
		return new LatencyHistogram(List.of(new LatencyHistogram.Bucket(p50Ms / 1000, seconds * rps * 0.5),
				new LatencyHistogram.Bucket(p99Ms / 1000, seconds * rps * 0.99),
				new LatencyHistogram.Bucket(Math.max(60, p99Ms / 500), seconds * rps),
				new LatencyHistogram.Bucket(Double.POSITIVE_INFINITY, seconds * rps)));
	}

	/**
	 * A result with the given figures and plausible others.
	 */
	public static StepResult result(String scenario, String service, int users, long ok, long ko, double rps,
			double p50, double p99) {
		LoadStats load = new LoadStats(ok, ko, rps, p50 * 0.9, p50, (p50 + p99) / 2, p99, p99 * 1.5, rps * 10 / 11);
		List<MetricSample> samples = new ArrayList<>();
		double threads = service.equals("classic") ? 220 : 24;
		for (int second = 0; second <= 10; second++) {
			samples.add(new MetricSample(second, (200 + users / 10.0 + second) * 1024 * 1024, 60e6, threads,
					service.equals("loom") ? Math.min(users, 40) : 0, threads + 12, (450 + users / 20.0) * 1024 * 1024,
					Math.min(users, service.equals("classic") ? 200 : users), 10 + second * 0.9, 500 + second * 1.95,
					40 + second * 1.0, Double.NaN, 1000 + second * rps, 3 + second / 3, 0.05 + second * 0.004,
					1e9 + second * 50e6, 20_000 + second * 2.0, latency(second, rps, p50, p99)));
		}
		return new StepResult(scenario, service, users, load, StepMetrics.of(samples), samples, new LoadWindow(0, 10),
				Optional.of("gatling/" + scenario + "/" + service + "/" + users
						+ "-users/concurrencysweepsimulation-20261124120000000"),
				Optional.empty());
	}

	/**
	 * A comparison of three services over the two sweeps and C10K, where classic queues
	 * past its pool and fails requests at C10K.
	 */
	public static ComparisonReport report() {
		List<StepResult> results = new ArrayList<>();
		for (int users : LATENCY_SWEEP.users()) {
			double ideal = users / 0.1;
			results.add(result("latency-sweep", "classic", users, (long) (Math.min(ideal, 1950) * 10), 0,
					Math.min(ideal, 1950), Math.max(101, users / 2.0), Math.max(110, users / 1.8)));
			results.add(result("latency-sweep", "loom", users, (long) (Math.min(ideal, 3900) * 10), 0,
					Math.min(ideal * 0.98, 3900), 102, 140));
			results.add(result("latency-sweep", "webflux", users, (long) (Math.min(ideal, 3700) * 10), 0,
					Math.min(ideal * 0.97, 3700), 103, 150));
		}
		for (int users : CPU_BOUND_SWEEP.users()) {
			results.add(result("cpu-bound-sweep", "classic", users, 40_000, 0, 4000, 2, 12));
			results.add(result("cpu-bound-sweep", "loom", users, 41_000, 0, 4100, 2, 11));
			results.add(result("cpu-bound-sweep", "webflux", users, 39_000, 0, 3900, 2, 13));
		}
		results.add(result("c10k", "classic", 10_000, 50_000, 1_250, 1_700, 5000, 59_000));
		results.add(result("c10k", "loom", 10_000, 240_000, 0, 8000, 1100, 1900));
		results.add(result("c10k", "webflux", 10_000, 235_000, 0, 7800, 1150, 2100));
		Machine machine = new Machine("25.0.3+9-LTS", "Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "/usr/lib/jvm",
				"Linux", "6.1.0", "amd64", "AMD EPYC", 2, 24L * 1024 * 1024 * 1024, "0.10 0.20 0.30");
		List<Scenario> scenarios = List.of(LATENCY_SWEEP, CPU_BOUND_SWEEP, C10K);
		Environment environment = new Environment("2026-11-24T12:00:00Z", "2026-11-24T12:05:00Z", 300, machine,
				"0.1.0-SNAPSHOT", "abc1234", "4.1.2", "Gatling 3.15.1",
				List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC", "-XX:ActiveProcessorCount=2"),
				Map.of("profile", "quick", "backend", "memory"), scenarios,
				Map.of("latency-sweep/classic", Map.of("server", Map.of("workerThreads", 200))));
		return new ComparisonReport(environment, scenarios, SERVICES, results);
	}

}
