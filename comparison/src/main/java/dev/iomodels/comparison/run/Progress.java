package dev.iomodels.comparison.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import dev.iomodels.comparison.Durations;
import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.Workload;
import dev.iomodels.comparison.results.Format;

/**
 * The progress line on the terminal: which scenario, service and step, the time elapsed,
 * and an estimate of the time left. The estimate starts from the planned step durations
 * plus a guess of each run's overhead (starting a service, the load generator's start and
 * report), and replaces the guesses with the overheads measured so far.
 */
final class Progress {

	private static final Duration GUESSED_START = Duration.ofSeconds(8);

	private static final Duration GUESSED_RUN_OVERHEAD = Duration.ofSeconds(4);

	private final PrintStream out;

	private final long started = System.nanoTime();

	private final int serviceRuns;

	private int serviceRunsDone;

	private int startsLeft;

	private long plannedLoadNanosLeft;

	private int runsLeft;

	private long measuredStartNanos;

	private int measuredStarts;

	private long measuredOverheadNanos;

	private int measuredRuns;

	/**
	 * Plan the progress of a comparison.
	 * @param out where progress lines go
	 * @param options the options
	 * @param scenarios the scenarios
	 */
	Progress(PrintStream out, CompareOptions options, List<Scenario> scenarios) {
		this.out = out;
		int services = options.contenders().size();
		int runs = 0;
		for (Scenario scenario : scenarios) {
			// Each round runs every service, and every control beside its service.
			int starts = services * options.repeats() * (options.controlled(scenario) ? 2 : 1);
			int measuredSteps = scenario.users().size() * ((options.crossCheck() && scenario.getsOnly()
					&& scenario.workload() == Workload.CONCURRENCY_SWEEP) ? 2 : 1);
			runs += starts;
			this.plannedLoadNanosLeft += starts
					* (options.warmUp().toNanos() + measuredSteps * scenario.stepDuration().toNanos());
			this.runsLeft += starts * (1 + measuredSteps);
		}
		this.serviceRuns = runs;
		this.startsLeft = runs;
	}

	/**
	 * Report that a service is starting.
	 * @param scenario the scenario
	 * @param service the service's short name
	 */
	void starting(Scenario scenario, String service) {
		line("%s · starting %s (%d/%d)".formatted(scenario.id(), service, this.serviceRunsDone + 1, this.serviceRuns));
	}

	/**
	 * Report how long a start took.
	 * @param took the time from launching the JVM to readiness
	 */
	void started(Duration took) {
		this.measuredStartNanos += took.toNanos();
		this.measuredStarts++;
		this.startsLeft--;
	}

	/**
	 * Report a run of the load generator beginning.
	 * @param scenario the scenario
	 * @param service the service's short name
	 * @param what e.g. {@code warm-up} or {@code step 2/3}
	 * @param users the users
	 * @param duration how long it holds them
	 */
	void running(Scenario scenario, String service, String what, int users, Duration duration) {
		line("%s · %s · %s: %s users for %s".formatted(scenario.id(), service, what, Format.count(users),
				Durations.format(duration)));
	}

	/**
	 * Report a run of the load generator done.
	 * @param planned how long its load was planned to last
	 * @param took how long the run took in all
	 * @param outcome a short account, e.g. the throughput
	 */
	void ran(Duration planned, Duration took, String outcome) {
		this.plannedLoadNanosLeft = Math.max(0, this.plannedLoadNanosLeft - planned.toNanos());
		this.runsLeft = Math.max(0, this.runsLeft - 1);
		this.measuredOverheadNanos += Math.max(0, took.toNanos() - planned.toNanos());
		this.measuredRuns++;
		if (!outcome.isEmpty()) {
			line("  " + outcome);
		}
	}

	/**
	 * Report that the runs of a service for a scenario are over, whether or not they all
	 * ran.
	 * @param startFailed whether the service never became ready
	 * @param runsSkipped runs that will not happen because the service failed
	 * @param plannedSkipped their planned load time
	 */
	void serviceDone(boolean startFailed, int runsSkipped, Duration plannedSkipped) {
		this.serviceRunsDone++;
		if (startFailed) {
			this.startsLeft--;
		}
		this.runsLeft = Math.max(0, this.runsLeft - runsSkipped);
		this.plannedLoadNanosLeft = Math.max(0, this.plannedLoadNanosLeft - plannedSkipped.toNanos());
	}

	/**
	 * Return the estimated time left.
	 * @return the estimate
	 */
	Duration remaining() {
		long start = (this.measuredStarts > 0) ? this.measuredStartNanos / this.measuredStarts
				: GUESSED_START.toNanos();
		long overhead = (this.measuredRuns > 0) ? this.measuredOverheadNanos / this.measuredRuns
				: GUESSED_RUN_OVERHEAD.toNanos();
		return Duration
			.ofNanos(this.plannedLoadNanosLeft + (long) this.runsLeft * overhead + (long) this.startsLeft * start);
	}

	/**
	 * Print a line with the elapsed and remaining time.
	 * @param message what is happening
	 */
	void line(String message) {
		Duration elapsed = Duration.ofNanos(System.nanoTime() - this.started);
		this.out.printf("[%7s elapsed, ~%7s left] %s%n", Durations.clock(elapsed), Durations.clock(remaining()),
				message);
		this.out.flush();
	}

}
