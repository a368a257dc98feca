package dev.iomodels.comparison.wall;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

import dev.iomodels.comparison.Durations;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wall scenario's results, and the files they are written to: {@value #MARKDOWN}, the
 * tables a reader acts on, and {@value #JSON}, every figure.
 *
 * @param latency the storage latency every request waited
 * @param hold how long each step held after its ramp
 * @param heap every service's heap in the steps
 * @param limits the machine's limits
 * @param services the results per service
 */
public record WallReport(Duration latency, Duration hold, String heap, InFlightLimits limits,
		List<ServiceWall> services) {

	/** The tables. */
	public static final String MARKDOWN = "wall.md";

	/** Every figure. */
	public static final String JSON = "wall.json";

	/** NMT categories shown per 1,000 in flight: the heap, stacks, and the rest. */
	private static final List<String> NATIVE_CATEGORIES = List.of("Java Heap", "Thread", "GC", "Other", "Internal",
			"Class", "Code");

	public WallReport {
		services = List.copyOf(services);
	}

	void write(Path directory, JsonMapper json) throws IOException {
		Files.writeString(directory.resolve(MARKDOWN), markdown());
		json.rebuild()
			.enable(SerializationFeature.INDENT_OUTPUT)
			.build()
			.writeValue(directory.resolve(JSON).toFile(), this);
	}

	/**
	 * Return the report as Markdown tables.
	 * @return the text
	 */
	public String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("# Each model's wall\n\n");
		md.append(("Every request waits at least %s of storage latency on its own connection (longer where a step"
				+ " would otherwise ask for more than %,d requests a second); each step ramps to its count at %,d"
				+ " connections a second on a fresh process and holds %s; heap %s. Memory is read at the peak of the"
				+ " hold (every connection open, and one latency later): the live heap after a full collection"
				+ " (class histogram), native memory by category (NMT), RSS. Machine limits: %,d open files per"
				+ " process, client ports %d-%d, somaxconn %d.\n\n")
			.formatted(Durations.format(this.latency), WallOptions.MAX_RATE, WallRun.RAMP_RATE,
					Durations.format(this.hold), this.heap, this.limits.openFiles(), this.limits.portRangeLow(),
					this.limits.portRangeHigh(), this.limits.somaxconn()));
		md.append("## Requests in flight\n\n");
		md.append("Little's law: a pool of N threads answers N ÷ latency a second, so a crowd larger than the pool"
				+ " waits crowd ÷ throughput; without a pool every request waits only the latency.\n\n");
		md.append("| service | in flight | latency | ok | errors | throughput | by Little's law | p50 | p99 | mean wait"
				+ " | by Little's law | outcome |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
		for (ServiceWall wall : this.services) {
			for (WallStep step : wall.steps()) {
				double latencySeconds = (Double.isNaN(step.latencyMillis()) ? this.latency.toMillis()
						: step.latencyMillis()) / 1000;
				double[] little = wall.littlesLaw(step.inFlight(), latencySeconds);
				md.append("| %s | %,d | %s | %,d | %,d | %s | %s | %s | %s | %s | %s | %s |\n".formatted(wall.service(),
						step.inFlight(), seconds(latencySeconds * 1000), step.ok(), step.errors(),
						perSecond(step.requestsPerSecond()), perSecond(little[0]), seconds(step.p50Millis()),
						seconds(step.p99Millis()), seconds(step.meanMillis()), seconds(little[1] * 1000),
						outcome(step)));
			}
		}
		md.append("\nThroughput is the successful answers a second over the whole run, ramp and the last requests'"
				+ " drain included, so it sits a little below the steady state; the mean wait includes the ramp, when the crowd is"
				+ " still smaller. A wait beyond the load generator's 60 s request timeout is an error.\n");
		md.append("\n## Memory at the peak\n\n");
		md.append("Each step runs on a fresh process; idle is that process after its warm-up, before the step."
				+ " In MiB.\n\n");
		md.append("| service | in flight | live heap | RSS | committed (NMT) | kernel TCP memory | threads"
				+ " | descriptors |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (ServiceWall wall : this.services) {
			for (WallStep step : wall.steps()) {
				String inFlight = "%,d".formatted(step.inFlight());
				step.idle().ifPresent((idle) -> md.append(memoryRow(wall.service(), "idle before " + inFlight, idle)));
				step.memory().ifPresent((memory) -> md.append(memoryRow(wall.service(), inFlight, memory)));
			}
		}
		md.append("\n## Memory per 1,000 requests in flight\n\n");
		md.append("(figure at the step − figure idle) ÷ in flight × 1,000, in MiB. Native memory is what the JVM"
				+ " committed; a committed heap does not grow with the load (its size is fixed), so the heap's"
				+ " share is the live heap. Kernel TCP memory is the machine's, outside every process, for both"
				+ " ends of each loopback connection.\n\n");
		Set<String> categories = new LinkedHashSet<>(NATIVE_CATEGORIES);
		md.append("| service | in flight | live heap | RSS | committed (NMT) | kernel TCP memory | "
				+ String.join(" | ", categories.stream().map((name) -> "NMT " + name).toList()) + " |\n");
		md.append("|---|---:|---:|---:|---:|---:|" + "---:|".repeat(categories.size()) + "\n");
		for (ServiceWall wall : this.services) {
			for (WallStep step : wall.steps()) {
				if (step.memory().isEmpty()) {
					continue;
				}
				StringBuilder row = new StringBuilder("| %s | %,d | %s | %s | %s | %s |".formatted(wall.service(),
						step.inFlight(), mib(step.perThousand(MemorySnapshot::liveHeapBytes)),
						mib(step.perThousand(MemorySnapshot::rssBytes)),
						mib(step.perThousand(MemorySnapshot::nativeCommittedBytes)),
						mib(step.perThousand(MemorySnapshot::kernelTcpBytes))));
				for (String category : categories) {
					ToLongFunction<MemorySnapshot> measure = (memory) -> memory.nativeCategories()
						.getOrDefault(category, 0L);
					row.append(" %s |".formatted(mib(step.perThousand(measure))));
				}
				md.append(row).append('\n');
			}
		}
		md.append("\n## What fills the heap\n\n");
		md.append("The largest classes of the live heap at each service's largest measured step, and their bytes per"
				+ " request in flight (all of the class's bytes ÷ in flight, so a class that is there idle too counts"
				+ " a little).\n\n");
		for (ServiceWall wall : this.services) {
			Optional<WallStep> peak = wall.steps()
				.stream()
				.filter((step) -> step.memory().isPresent())
				.reduce((a, b) -> b);
			if (peak.isEmpty()) {
				continue;
			}
			md.append("**%s at %,d in flight** (live heap %s)\n\n".formatted(wall.service(), peak.get().inFlight(),
					mib(peak.get().memory().get().liveHeapBytes())));
			md.append("| class | instances | MiB | KiB per request in flight |\n|---|---:|---:|---:|\n");
			for (MemorySnapshot.ClassShare share : peak.get().memory().get().topClasses()) {
				md.append("| `%s` | %,d | %s | %.1f |\n".formatted(share.name(), share.instances(), mib(share.bytes()),
						share.bytes() / 1024.0 / peak.get().inFlight()));
			}
			md.append('\n');
		}
		if (this.services.stream().anyMatch((wall) -> !wall.heapTrials().isEmpty())) {
			md.append("## The smallest heap that holds them\n\n");
			md.append("| service | in flight | smallest heap that held | heaps tried |\n|---|---:|---:|---|\n");
			for (ServiceWall wall : this.services) {
				if (wall.heapTrials().isEmpty()) {
					continue;
				}
				md.append("| %s | %,d | %s | %s |\n".formatted(wall.service(), wall.heapTrials().get(0).inFlight(),
						wall.smallestHeap().orElse("none tried"),
						String.join("; ",
								wall.heapTrials()
									.stream()
									.map((trial) -> trial.heap() + ": "
											+ (trial.held() ? "held" : "not held, " + cell(trial.outcome())))
									.toList())));
			}
		}
		return md.toString();
	}

	private static String memoryRow(String service, String inFlight, MemorySnapshot memory) {
		return "| %s | %s | %s | %s | %s | %s | %,d | %,d |\n".formatted(service, inFlight, mib(memory.liveHeapBytes()),
				mib(memory.rssBytes()), mib(memory.nativeCommittedBytes()), mib(memory.kernelTcpBytes()),
				memory.platformThreads(), memory.openFiles());
	}

	private static String outcome(WallStep step) {
		if (step.failure().isPresent()) {
			return cell(step.failure().get());
		}
		return step.held() ? "held" : "%,d failed".formatted(step.errors());
	}

	/**
	 * Return a message as one table cell: its first line, without the column separator.
	 */
	private static String cell(String message) {
		String first = message.lines().findFirst().orElse("").strip();
		return first.replace("|", "/");
	}

	private static String seconds(double millis) {
		if (Double.isNaN(millis)) {
			return "–";
		}
		return (millis >= 1000) ? "%.1f s".formatted(millis / 1000) : "%.0f ms".formatted(millis);
	}

	private static String perSecond(double rate) {
		return Double.isNaN(rate) ? "–" : "%,.0f/s".formatted(rate);
	}

	private static String mib(double bytes) {
		return Double.isNaN(bytes) ? "–" : "%,.1f".formatted(bytes / 1048576.0);
	}

}
