package dev.iomodels.comparison.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.iomodels.comparison.LoadStats;
import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

class WrkLoadGeneratorTests {

	private static final URI BASE_URL = URI.create("http://localhost:8081");

	@TempDir
	private Path directory;

	@Test
	void aRecordedSummaryBecomesTheLoadFiguresInMilliseconds() throws IOException {
		// wrk 4.1.0, 2 threads and 20 connections for 2 s against classic-service.
		LoadStats stats = WrkLoadGenerator.parseSummary(recorded("wrk-summary-classic.txt"));

		assertThat(stats.requestsOk()).isEqualTo(6345);
		assertThat(stats.requestsKo()).isZero();
		assertThat(stats.minMillis()).isEqualTo(0.167);
		assertThat(stats.p50Millis()).isEqualTo(5.909);
		assertThat(stats.p90Millis()).isEqualTo(27.189);
		assertThat(stats.p99Millis()).isEqualTo(67.354);
		assertThat(stats.maxMillis()).isEqualTo(127.824);
	}

	@Test
	void throughputIsTheResponsesOverTheDurationWrkMeasuredAndBothFiguresAreIt() throws IOException {
		LoadStats stats = WrkLoadGenerator.parseSummary(recorded("wrk-summary-classic.txt"));

		// The same run's own table says "Requests/sec: 3130.43".
		Matcher printed = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(recorded("wrk-stdout-classic.log"));
		assertThat(printed.find()).isTrue();
		assertThat(stats.requestsPerSecond()).isCloseTo(Double.parseDouble(printed.group(1)), within(0.01));
		assertThat(stats.gatlingRequestsPerSecond()).isEqualTo(stats.requestsPerSecond());
	}

	@Test
	void statusErrorsAndTimeoutsAreResponsesThatFailedAndEveryErrorIsAFailedRequest() {
		LoadStats stats = WrkLoadGenerator.parseSummary("""
				requests=1000
				duration_us=10000000
				bytes=1260000
				errors_connect=1
				errors_read=2
				errors_write=3
				errors_status=40
				errors_timeout=5
				latency_min_us=100
				latency_p50_us=200
				latency_p90_us=300
				latency_p99_us=400
				latency_max_us=500
				""");

		assertThat(stats.requestsOk()).isEqualTo(955);
		assertThat(stats.requestsKo()).isEqualTo(51);
		assertThat(stats.requestsPerSecond()).isEqualTo(100.0);
		assertThat(stats.hasErrors()).isTrue();
	}

	@Test
	void aSummaryWithoutAFigureIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> WrkLoadGenerator.parseSummary("requests=1\n"))
			.withMessageStartingWith("wrk's summary has no ");
	}

	@Test
	void workloadsOtherThanTheGetSweepAreRefused() {
		WrkLoadGenerator wrk = new WrkLoadGenerator(Optional.empty());
		Scenario c10k = new Scenario("c10k", "C10K", "", Workload.C10K, Duration.ofSeconds(1), List.of(10_000),
				Duration.ofSeconds(30), Map.of());
		Scenario mixed = new Scenario("mixed", "Mixed", "", Workload.CONCURRENCY_SWEEP, Duration.ZERO, List.of(50),
				Duration.ofSeconds(10), Map.of("readRatio", "80"));

		for (Scenario scenario : List.of(c10k, mixed)) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> wrk.run(scenario, 50, Duration.ofSeconds(10), BASE_URL, this.directory))
				.withMessageStartingWith("wrk drives only the GET sweeps");
		}
	}

	@Test
	void theCommandLineHasTwoThreadsAtMostOneConnectionPerUserAndGatlingsTimeout() throws IOException {
		Path bin = executables("wrk");
		WrkLoadGenerator wrk = new WrkLoadGenerator(Optional.empty(), bin.toString());

		assertThat(wrk.command(50, Duration.ofSeconds(10), BASE_URL, Path.of("wrk.lua"))).containsExactly(
				bin.resolve("wrk").toString(), "-t2", "-c50", "-d10s", "--timeout", "60s", "-s", "wrk.lua",
				"http://localhost:8081");
		assertThat(wrk.command(1, Duration.ofMillis(1500), BASE_URL, Path.of("wrk.lua"))).contains("-t1", "-c1",
				"-d2s");
	}

	@Test
	void withACpuListWrkRunsUnderTaskset() throws IOException {
		Path bin = executables("wrk", "taskset");
		WrkLoadGenerator wrk = new WrkLoadGenerator(Optional.of("1"), bin.toString());

		assertThat(wrk.command(50, Duration.ofSeconds(10), BASE_URL, Path.of("wrk.lua")))
			.startsWith(bin.resolve("taskset").toString(), "-c", "1", bin.resolve("wrk").toString());
	}

	@Test
	void withoutWrkOnThePathTheMessageSaysHowToInstallIt() {
		WrkLoadGenerator wrk = new WrkLoadGenerator(Optional.empty(), this.directory.toString());

		assertThatIllegalStateException().isThrownBy(wrk::description)
			.withMessage("wrk is not installed: scripts/install-test-tools.sh installs it (Debian package wrk)");
		assertThatIllegalStateException()
			.isThrownBy(() -> wrk.command(50, Duration.ofSeconds(10), BASE_URL, Path.of("wrk.lua")))
			.withMessageStartingWith("wrk is not installed");
	}

	@Test
	void theDescriptionIsTheVersionOnWrksFirstLine() {
		assertThat(WrkLoadGenerator.describe("""
				wrk debian/4.1.0-3+b2 [epoll] Copyright (C) 2012 Will Glozer
				Usage: wrk <options> <url>
				""")).isEqualTo("wrk 4.1.0");
	}

	@Test
	void theScriptReadsTheRunsKeysAndWritesItsFigures() {
		String script = WrkLoadGenerator.script("gatling-wrk-sweep-1a2b3c4d-", 1000, Path.of("/tmp/wrk-summary.txt"));

		assertThat(script).contains("local prefix = \"gatling-wrk-sweep-1a2b3c4d-\"", "local keyspace = 1000",
				"local summaryFile = \"/tmp/wrk-summary.txt\"", "\"/api/v1/objects/\" .. prefix .. i",
				"math.random(keyspace)", "math.randomseed", "function done(summary, latency, requests)",
				"latency:percentile(99)");
	}

	private Path executables(String... names) throws IOException {
		Path bin = Files.createDirectories(this.directory.resolve("bin"));
		for (String name : names) {
			Path file = Files.writeString(bin.resolve(name), "#!/bin/sh\n");
			file.toFile().setExecutable(true);
		}
		return bin;
	}

	private static String recorded(String name) throws IOException {
		try (InputStream in = WrkLoadGeneratorTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
