package dev.iomodels.comparison.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleWatchTests {

	@Test
	void everythingPrintedGoesThroughToTheTarget() {
		ByteArrayOutputStream target = new ByteArrayOutputStream();
		try (PrintStream console = new PrintStream(new ConsoleWatch(target, "started"), true, StandardCharsets.UTF_8)) {
			console.println("Preloading 1000 objects");
			console.print("no newline yet");
		}

		assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo("Preloading 1000 objects\nno newline yet");
	}

	@Test
	void theMomentTheMarkerLineIsPrintedIsNoted() {
		ConsoleWatch watch = new ConsoleWatch(new ByteArrayOutputStream(), "Simulation a.B started");
		PrintStream console = new PrintStream(watch, true, StandardCharsets.UTF_8);
		console.println("Preloading 1000 objects");
		assertThat(watch.seenAt()).isEmpty();

		long before = System.nanoTime();
		console.println("Simulation a.B started...");

		assertThat(watch.seenAt()).isPresent();
		assertThat(watch.seenAt().getAsLong()).isBetween(before, System.nanoTime());
	}

	@Test
	void onlyTheFirstMarkerLineCounts() throws InterruptedException {
		ConsoleWatch watch = new ConsoleWatch(new ByteArrayOutputStream(), "started");
		PrintStream console = new PrintStream(watch, true, StandardCharsets.UTF_8);
		console.println("started");
		long first = watch.seenAt().orElseThrow();
		Thread.sleep(2);
		console.println("started again");

		assertThat(watch.seenAt()).hasValue(first);
	}

}
