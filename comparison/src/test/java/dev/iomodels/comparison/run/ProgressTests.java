package dev.iomodels.comparison.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;

import dev.iomodels.comparison.Scenario;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTests {

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(this.printed, true, StandardCharsets.UTF_8);

	@Test
	void theQuickProfileIsEstimatedAtAboutFiveMinutes() {
		// 2 scenarios × 3 services × (5 s warm-up + 3 steps × 10 s) of load, plus a
		// guessed 8 s per start and 4 s per run of the load generator.
		assertThat(progress().remaining()).isEqualTo(Duration.ofSeconds(210 + 24 * 4 + 6 * 8));
	}

	@Test
	void theFullProfileIsEstimatedAtAboutTwoAndAQuarterHours() {
		// Two sweeps of 4 steps and C10K, large payloads and a spike of one step each,
		// 30 s per step and 15 s of warm-up, for each of the 3 services, three times
		// over; in the sweeps and C10K (GETs only) each service's control runs too.
		Duration estimate = progress("--profile", "full").remaining();

		int serviceRounds = 3 * 3;
		int controlledStarts = serviceRounds * 2;
		assertThat(estimate).isEqualTo(Duration.ofSeconds(controlledStarts * (2 * (15 + 4 * 30) + (15 + 30))
				+ serviceRounds * 2 * (15 + 30) + (controlledStarts * (2 * 5 + 2) + serviceRounds * 2 * 2) * 4
				+ (controlledStarts * 3 + serviceRounds * 2) * 8));
		assertThat(estimate).isBetween(Duration.ofMinutes(120), Duration.ofMinutes(150));
	}

	@Test
	void theFullProfileWithoutRepeatsOrControlsIsEstimatedAtAboutHalfAnHour() {
		Duration estimate = progress("--profile", "full", "--repeat", "1", "--no-controls").remaining();

		assertThat(estimate).isEqualTo(Duration.ofSeconds(3 * (2 * (15 + 4 * 30) + 3 * (15 + 30)) + 48 * 4 + 15 * 8));
		assertThat(estimate).isBetween(Duration.ofMinutes(20), Duration.ofMinutes(35));
	}

	@Test
	void theEstimateShrinksAsRunsEndAndLearnsTheMeasuredOverheads() {
		Progress progress = progress("--profile", "tiny", "--services", "loom", "--latency", "0");
		// One scenario (the CPU-bound sweep), one service: 2 s warm-up and 2 steps of 3
		// s,
		// one start (8 s guessed) and 3 runs (4 s guessed each).
		assertThat(progress.remaining()).isEqualTo(Duration.ofSeconds(8 + 8 + 3 * 4));

		progress.started(Duration.ofSeconds(5));
		assertThat(progress.remaining()).isEqualTo(Duration.ofSeconds(8 + 3 * 4));

		// The warm-up took 3 s more than its load: the two runs left are expected to as
		// well.
		progress.ran(Duration.ofSeconds(2), Duration.ofSeconds(5), "warm-up");
		assertThat(progress.remaining()).isEqualTo(Duration.ofSeconds(6 + 2 * 3));

		progress.ran(Duration.ofSeconds(3), Duration.ofSeconds(6), "step 1");
		progress.ran(Duration.ofSeconds(3), Duration.ofSeconds(6), "step 2");
		progress.serviceDone(false, 0, Duration.ZERO);
		assertThat(progress.remaining()).isZero();
	}

	@Test
	void aServiceThatDidNotStartTakesItsRunsOutOfTheEstimate() {
		Progress progress = progress("--profile", "tiny", "--services", "loom", "--latency", "0");

		progress.serviceDone(true, 3, Duration.ofSeconds(8));

		assertThat(progress.remaining()).isZero();
	}

	@Test
	void everyLineSaysTheTimeElapsedAndTheTimeLeft() {
		Progress progress = progress("--profile", "tiny", "--services", "loom", "--latency", "0");
		Scenario scenario = CompareOptions.parse(new String[] { "--latency", "0" }, LocalDateTime.now())
			.scenarios()
			.getFirst();

		progress.running(scenario, "loom", "step 2/2", 20, Duration.ofSeconds(3));

		assertThat(this.printed.toString(StandardCharsets.UTF_8))
			.matches("\\[ +\\d+s elapsed, ~ +\\d+s left\\] cpu-bound-sweep · loom · step 2/2: 20 users for 3 s\\R");
	}

	private Progress progress(String... args) {
		CompareOptions options = CompareOptions.parse(args, LocalDateTime.now());
		return new Progress(this.out, options, options.scenarios());
	}

}
