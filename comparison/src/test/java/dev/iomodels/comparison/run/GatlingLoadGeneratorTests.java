package dev.iomodels.comparison.run;

import java.time.Duration;

import dev.iomodels.comparison.LoadStats;
import dev.iomodels.gatling.GatlingStats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatlingLoadGeneratorTests {

	@Test
	void theReportTakesTheMedianThe90thAndThe99thOfGatlingsFourPercentiles() {
		GatlingStats stats = new GatlingStats(GatlingStats.ALL_REQUESTS, 9_990, 10, 1998.2, 100, 103, 140, 170, 420,
				990, 120);

		LoadStats load = GatlingLoadGenerator.loadStats(stats, Duration.ofSeconds(10), 200);

		assertThat(load.p50Millis()).isEqualTo(103);
		assertThat(load.p90Millis()).isEqualTo(140);
		assertThat(load.p99Millis()).isEqualTo(420);
		assertThat(load.minMillis()).isEqualTo(100);
		assertThat(load.maxMillis()).isEqualTo(990);
	}

	@Test
	void countsAreTakenAsGatlingReportsThem() {
		GatlingStats stats = new GatlingStats(GatlingStats.ALL_REQUESTS, 9_990, 10, 909.1, 100, 103, 140, 170, 420, 990,
				120);

		LoadStats load = GatlingLoadGenerator.loadStats(stats, Duration.ofSeconds(10), 200);

		assertThat(load.requestsOk()).isEqualTo(9_990);
		assertThat(load.requestsKo()).isEqualTo(10);
		assertThat(load.hasErrors()).isTrue();
	}

	@Test
	void throughputIsTheRequestsAnsweredDuringTheLoadOverItsDuration() {
		// 10,000 requests in a 10 s step with 200 users, of which the last 200 were
		// answered
		// after it; Gatling divides all 10,000 by the 11 seconds they touched.
		GatlingStats stats = new GatlingStats(GatlingStats.ALL_REQUESTS, 9_990, 10, 909.1, 100, 103, 140, 170, 420, 990,
				120);

		LoadStats load = GatlingLoadGenerator.loadStats(stats, Duration.ofSeconds(10), 200);

		assertThat(load.requestsPerSecond()).isEqualTo(980.0);
		assertThat(load.gatlingRequestsPerSecond()).isEqualTo(909.1);
	}

	@Test
	void theLoadGeneratorSaysWhichGatlingItIs() {
		assertThat(new GatlingLoadGenerator().description()).matches("Gatling \\d+\\.\\d+.*");
	}

}
