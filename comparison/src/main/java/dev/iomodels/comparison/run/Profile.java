package dev.iomodels.comparison.run;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How much to measure: the concurrency steps of the two sweeps, how long each step lasts,
 * how long each service warms up, and whether the C10K, payload and spike scenarios run
 * too. Every value can be overridden by a flag.
 *
 * @param name the profile's name on the command line
 * @param latencyUsers the steps of the sweep with emulated latency
 * @param cpuBoundUsers the steps of the sweep without latency
 * @param stepDuration how long each step holds its users
 * @param warmUp the unmeasured load each service gets after it starts: the JIT compiles
 * the request path before the first measured step
 * @param extended whether the C10K, large-payload and spike scenarios run
 * @param warmUpLimit how long the warm-up may go on while the JIT is still busy compiling
 * @param repeats how many times every step is run (interleaved across the services)
 * @param controls whether each service's control app runs beside it
 */
public record Profile(String name, List<Integer> latencyUsers, List<Integer> cpuBoundUsers, Duration stepDuration,
		Duration warmUp, boolean extended, Duration warmUpLimit, int repeats, boolean controls) {

	/** Seconds per step, for CI: proves that everything works, measures nothing. */
	public static final Profile TINY = new Profile("tiny", List.of(5, 20), List.of(5, 20), Duration.ofSeconds(3),
			Duration.ofSeconds(2), false, Duration.ofSeconds(4), 1, false);

	/**
	 * The default, about five minutes on two cores: 800 users is four times the classic
	 * pool, well past the knee at pool / latency.
	 */
	public static final Profile QUICK = new Profile("quick", List.of(50, 200, 800), List.of(10, 50, 200),
			Duration.ofSeconds(10), Duration.ofSeconds(5), false, Duration.ofSeconds(40), 1, false);

	/**
	 * Longer steps, more of them, and the C10K, payload and spike scenarios; every step
	 * three times, each service beside its control app.
	 */
	public static final Profile FULL = new Profile("full", List.of(50, 200, 1000, 2000), List.of(10, 50, 200, 800),
			Duration.ofSeconds(30), Duration.ofSeconds(15), true, Duration.ofSeconds(90), 3, true);

	public Profile {
		latencyUsers = List.copyOf(latencyUsers);
		cpuBoundUsers = List.copyOf(cpuBoundUsers);
	}

	/**
	 * Find a profile by name.
	 * @param name {@code tiny}, {@code quick} or {@code full}
	 * @return the profile
	 * @throws IllegalArgumentException for an unknown name
	 */
	public static Profile named(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "tiny" -> TINY;
			case "quick" -> QUICK;
			case "full" -> FULL;
			default -> throw new IllegalArgumentException("Unknown profile '" + name + "'; use quick, full or tiny");
		};
	}

}
