package dev.iomodels.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import dev.iomodels.comparison.Chart.Reference;
import dev.iomodels.comparison.Chart.Series;

/**
 * The charts of one scenario: throughput, latency, CPU, threads, memory and GC against
 * the concurrency steps, one colour per service, with the reference lines that say what
 * an ideal server, or a pool of platform threads, would do.
 */
final class ScenarioCharts {

	private final ComparisonReport report;

	private final Scenario scenario;

	private ScenarioCharts(ComparisonReport report, Scenario scenario) {
		this.report = report;
		this.scenario = scenario;
	}

	/**
	 * Build the charts of a scenario.
	 * @param report the comparison
	 * @param scenario the scenario
	 * @return the charts, in reading order
	 */
	static List<Chart> of(ComparisonReport report, Scenario scenario) {
		return new ScenarioCharts(report, scenario).charts();
	}

	private List<Chart> charts() {
		List<String> categories = this.scenario.users().stream().map((users) -> Format.count(users)).toList();
		String prefix = this.scenario.id() + "-";
		return List.of(
				new Chart(prefix + "throughput", "Throughput (requests/s)", categories,
						series("", false, (result) -> result.load().requestsPerSecond(),
								(result) -> Format.throughput(result.load())),
						throughputReferences()),
				new Chart(prefix + "latency", "Response time, p50 solid, p99 dashed (ms)", categories, latencySeries(),
						latencyReferences()),
				new Chart(prefix + "cpu", "CPU used by the service under load (cores)", categories,
						series("", false, (result) -> result.metrics().cpuCores(),
								(result) -> Format.cores(result.metrics().cpuCores())),
						List.of(new Reference("cores available",
								constant(this.report.environment().machine().cores())))),
				new Chart(prefix + "cpu-per-request", "CPU time per request (ms)", categories,
						series("", false, (result) -> result.metrics().cpuMillisPerRequest(),
								(result) -> Format.cpuMillis(result.metrics().cpuMillisPerRequest())),
						List.of()),
				new Chart(prefix + "platform-threads", "Peak live platform threads", categories,
						series("", false, (result) -> result.metrics().platformThreadsMax(),
								(result) -> Format.count(result.metrics().platformThreadsMax())),
						List.of()),
				new Chart(prefix + "virtual-threads", "Peak virtual threads mounted or queued", categories,
						series("", false, (result) -> result.metrics().virtualThreadsMax(),
								(result) -> Format.count(result.metrics().virtualThreadsMax())),
						List.of()),
				new Chart(prefix + "in-flight", "Peak requests in flight (on loom: one virtual thread each)",
						categories,
						series("", false, (result) -> result.metrics().inFlightMax(),
								(result) -> Format.count(result.metrics().inFlightMax())),
						List.of()),
				new Chart(prefix + "memory", "Peak memory, RSS solid, heap dashed (MiB)", categories, memorySeries(),
						List.of()));
	}

	private List<Series> latencySeries() {
		List<Series> series = new ArrayList<>();
		series.addAll(series(" p50", false, (result) -> result.load().p50Millis(),
				(result) -> "p50 " + Format.millis(result.load().p50Millis())));
		series.addAll(series(" p99", true, (result) -> result.load().p99Millis(),
				(result) -> "p99 " + Format.millis(result.load().p99Millis())));
		return series;
	}

	private List<Series> memorySeries() {
		List<Series> series = new ArrayList<>();
		series.addAll(series(" RSS", false, (result) -> Format.toMebibytes(result.metrics().rssMaxBytes()),
				(result) -> "RSS " + Format.mebibytes(result.metrics().rssMaxBytes())));
		series.addAll(series(" heap", true, (result) -> Format.toMebibytes(result.metrics().heapMaxBytes()),
				(result) -> "heap " + Format.mebibytes(result.metrics().heapMaxBytes())));
		return series;
	}

	private List<Reference> throughputReferences() {
		if (!this.scenario.waits()) {
			return List.of();
		}
		List<Reference> references = new ArrayList<>();
		references.add(new Reference("ideal: users ÷ latency",
				this.scenario.users().stream().map(this.scenario::idealRequestsPerSecond).toList()));
		poolSize().ifPresent((pool) -> references.add(new Reference(pool + "-thread pool: " + pool + " ÷ latency",
				this.scenario.users()
					.stream()
					.map((users) -> this.scenario.idealRequestsPerSecond(Math.min(users, pool)))
					.toList())));
		return references;
	}

	private List<Reference> latencyReferences() {
		if (!this.scenario.waits()) {
			return List.of();
		}
		double latency = this.scenario.emulatedLatency().toNanos() / 1e6;
		List<Reference> references = new ArrayList<>();
		references.add(new Reference("ideal: the latency itself", constant(latency)));
		// Little's law for a full pool: users in the system = throughput × time in it,
		// with
		// throughput capped at pool / latency, so the time is users × latency / pool.
		poolSize().ifPresent((pool) -> references.add(new Reference(pool + "-thread pool by Little's law",
				this.scenario.users().stream().map((users) -> Math.max(latency, users * latency / pool)).toList())));
		return references;
	}

	private OptionalInt poolSize() {
		return this.report.services().stream().anyMatch((label) -> Contender.serviceOf(label).equals("classic"))
				? this.report.classicPoolSize(this.scenario) : OptionalInt.empty();
	}

	private List<Double> constant(double value) {
		return this.scenario.users().stream().map((users) -> value).toList();
	}

	private List<Series> series(String suffix, boolean dashed, ToDoubleFunction<StepResult> value,
			Function<StepResult, String> describe) {
		List<Series> series = new ArrayList<>();
		for (String service : this.report.services()) {
			List<Double> values = new ArrayList<>();
			List<String> tooltips = new ArrayList<>();
			List<Boolean> flagged = new ArrayList<>();
			List<String> flagTexts = new ArrayList<>();
			for (int users : this.scenario.users()) {
				StepResult result = this.report.result(this.scenario, service, users).orElse(null);
				if (result == null) {
					values.add(Double.NaN);
					tooltips.add("");
					flagged.add(false);
					flagTexts.add("");
					continue;
				}
				values.add(value.applyAsDouble(result));
				tooltips.add(
						String
							.format(Locale.ROOT, "%s · %s users: %s%s", service, Format.count(users),
									describe.apply(result),
									result.hasErrors()
											? " · " + Format.successRate(result.load()) + " ok"
													+ result.failure().map((failure) -> " · " + failure).orElse("")
											: ""));
				flagged.add(result.hasErrors());
				flagTexts.add(Format.successRate(result.load()) + " ok");
			}
			series.add(new Series(service + suffix, ServiceColors.of(service), dashed, values, tooltips, flagged,
					flagTexts));
		}
		return series;
	}

}
