package dev.iomodels.comparison.wall;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.iomodels.comparison.Durations;
import dev.iomodels.harness.Service;

/**
 * The settings of {@code ./compare --wall}: how many requests in flight each step holds,
 * behind how long a storage latency, in how large a heap.
 *
 * @param inFlight the steps; {@link #MAX} stands for the machine's maximum
 * ({@link InFlightLimits#maxInFlight()})
 * @param latency the storage latency every request waits, long enough that the CPU is not
 * the wall
 * @param hold how long each step holds its requests after the ramp
 * @param heap the heap of every service, in the JVM's notation
 * @param smallestHeap the in-flight count at which the smallest heap that holds it is
 * searched for each model; empty for no search
 * @param services the services to measure
 * @param out where the results go
 * @param help whether only the usage was asked for
 */
public record WallOptions(List<Integer> inFlight, Duration latency, Duration hold, String heap,
		Optional<Integer> smallestHeap, List<Service> services, Path out, boolean help) {

	/**
	 * The most requests a second a step asks for: 1,500, which two cores serve with the
	 * load generator beside the service. A step with more in flight gets a longer
	 * latency, so that the CPU is never the wall (19,000 at 5 s would be 3,800 a second).
	 */
	public static final int MAX_RATE = 1_500;

	/** The step {@code max} of {@code --in-flight}. */
	public static final int MAX = -1;

	/** What {@code ./compare --wall --help} prints. */
	public static final String USAGE = """
			Usage: ./compare --wall [flags]

			Each model's wall: starts classic, loom and webflux one after the other (same JVM flags as the
			comparison, plus Native Memory Tracking), holds each step's requests in flight behind a long storage
			latency, and at the peak of every step reads the live heap and what fills it (class histogram),
			native memory by category (NMT), RSS, threads and descriptors. Writes wall.md and wall.json: the
			figures per step and per 1,000 requests in flight. Checks the machine's limits first and stops
			with a message naming the one that is too low.

			  --in-flight 2000,5000,10000,max   the steps; max is as many as this machine allows (descriptors
			                              per process, client ports), at most 100,000
			  --latency 5s                storage latency of every request (default 5s), lengthened for a step
			                              that would otherwise ask for more than 1,500 requests a second
			  --hold 20s                  how long each step holds after its ramp (default 20s)
			  --heap 512m                 every service's heap (default 512m, the comparison's)
			  --smallest-heap 10000       also find, per model, the smallest heap that holds this many in
			                              flight with no error (a few runs per model, heaps from 64m up)
			  --services classic,loom,webflux
			  --out results/<timestamp>-wall
			  --help                      this text
			""";

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	public WallOptions {
		inFlight = List.copyOf(inFlight);
		services = List.copyOf(services);
	}

	/**
	 * Parse the command line, {@code --wall} itself left out.
	 * @param args the flags, as {@code --flag value} or {@code --flag=value}
	 * @param now the time the default output directory is named after
	 * @return the options
	 * @throws IllegalArgumentException for an unknown flag or a bad value
	 */
	public static WallOptions parse(List<String> args, LocalDateTime now) {
		Map<String, String> flags = new LinkedHashMap<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument " + arg + "; see ./compare --wall --help");
			}
			String name = arg.substring(2);
			String value;
			if (name.contains("=")) {
				value = name.substring(name.indexOf('=') + 1);
				name = name.substring(0, name.indexOf('='));
			}
			else if (name.equals("help")) {
				value = "";
			}
			else if (i + 1 < args.size()) {
				value = args.get(++i);
			}
			else {
				throw new IllegalArgumentException("--" + name + " needs a value");
			}
			if (!List.of("in-flight", "latency", "hold", "heap", "smallest-heap", "services", "out", "help")
				.contains(name)) {
				throw new IllegalArgumentException(
						"Unknown flag --" + name + " for --wall; see ./compare --wall --help");
			}
			flags.put(name, value);
		}
		List<Integer> inFlight = new ArrayList<>();
		for (String step : flags.getOrDefault("in-flight", "2000,5000,10000,max").split(",")) {
			inFlight.add(step.strip().equals("max") ? MAX : positive("--in-flight", step));
		}
		Duration latency = duration("--latency", flags.getOrDefault("latency", "5s"));
		Duration hold = duration("--hold", flags.getOrDefault("hold", "20s"));
		String heap = flags.getOrDefault("heap", "512m");
		if (!heap.matches("\\d+[kmg]")) {
			throw new IllegalArgumentException("--heap is written as the JVM takes it, e.g. 512m: " + heap);
		}
		Optional<Integer> smallestHeap = Optional.ofNullable(flags.get("smallest-heap"))
			.map((value) -> positive("--smallest-heap", value));
		List<Service> services = new ArrayList<>();
		for (String name : flags.getOrDefault("services", "classic,loom,webflux").split(",")) {
			services.add(Service.named(name.strip()));
		}
		Path out = Path.of(flags.getOrDefault("out", "results/" + TIMESTAMP.format(now) + "-wall"));
		return new WallOptions(inFlight, latency, hold, heap, smallestHeap, services, out, flags.containsKey("help"));
	}

	private static int positive(String flag, String value) {
		try {
			int number = Integer.parseInt(value.strip().replace("_", ""));
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		throw new IllegalArgumentException(flag + " takes positive whole numbers, not " + value);
	}

	private static Duration duration(String flag, String value) {
		Duration duration = Durations.parse(value);
		if (!duration.isPositive()) {
			throw new IllegalArgumentException(flag + " must be positive, not " + value);
		}
		return duration;
	}

	/**
	 * Return the storage latency of a step: {@link #latency()}, or longer if that would
	 * ask for more than {@link #MAX_RATE} requests a second.
	 * @param inFlight the step's requests in flight
	 * @return its latency
	 */
	public Duration latencyFor(int inFlight) {
		Duration capped = Duration.ofMillis((long) Math.ceil(inFlight * 1000.0 / MAX_RATE));
		return (capped.compareTo(this.latency) > 0) ? capped : this.latency;
	}

	/**
	 * Return the steps with {@code max} replaced by the machine's maximum, in ascending
	 * order, each once.
	 * @param limits the machine's limits
	 * @return the in-flight counts to hold
	 */
	public List<Integer> steps(InFlightLimits limits) {
		return this.inFlight.stream()
			.map((step) -> (step == MAX) ? limits.maxInFlight() : step)
			.distinct()
			.sorted()
			.toList();
	}

}
