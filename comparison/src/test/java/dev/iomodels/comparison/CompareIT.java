package dev.iomodels.comparison;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.iomodels.comparison.cli.Compare;
import dev.iomodels.harness.ServiceProcess;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole command, in this JVM, with the tiny profile: the three real services started
 * one after the other from their jars, each beside its control app and twice
 * ({@code --repeat 2 --controls}), each step driven by Gatling, every file written, and
 * the report opened in a browser.
 */
class CompareIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theTinyProfileComparesAllThreeServicesTwiceBesideTheirControlsAndWritesEveryFile() throws Exception {
		Path root = Path.of(System.getProperty("project.root")).toAbsolutePath().normalize();
		Path out = Path.of("target", "compare-it").toAbsolutePath();
		TestDirectories.deleteRecursively(out);
		ByteArrayOutputStream progress = new ByteArrayOutputStream();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		long started = System.nanoTime();

		int status = Compare.run(
				new String[] { "--profile", "tiny", "--repeat", "2", "--controls", "--out", out.toString() }, root,
				new PrintStream(new TeeStream(progress, System.out), true, StandardCharsets.UTF_8),
				new PrintStream(new TeeStream(errors, System.err), true, StandardCharsets.UTF_8));

		assertThat(status).as("exit status; errors: %s", errors).isZero();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(15));
		assertThat(progress.toString(StandardCharsets.UTF_8)).contains("elapsed", "left]",
				"latency-sweep · loom (run 2/2)", "latency-sweep · loom-control (run 1/2)", "step 2/2: 20 users",
				"warm-up: ", "JIT compiling");
		for (String file : List.of("report.html", "summary.md", "results.csv", "results.json", "samples.csv",
				"environment.json")) {
			assertThat(out.resolve(file)).isNotEmptyFile();
		}

		List<Map<String, Object>> all = JSON.readValue(out.resolve("results.json").toFile(), new TypeReference<>() {
		});
		// Two scenarios × three services × two steps, and as many of their controls.
		assertThat(all).hasSize(24);
		List<Map<String, Object>> rows = all.stream().filter((row) -> row.get("role").equals("service")).toList();
		List<Map<String, Object>> controls = all.stream().filter((row) -> row.get("role").equals("control")).toList();
		assertThat(rows).hasSize(12);
		assertThat(controls).extracting((row) -> row.get("service"))
			.containsOnly("classic-control", "loom-control", "webflux-control")
			.hasSize(12);
		// Each figure is the median of two runs, with its range, and each service's
		// throughput is related to its control's.
		assertThat(all).allSatisfy((row) -> {
			assertThat(row.get("runs")).as("runs of %s", row).isEqualTo(2);
			assertThat((Double) row.get("requestsPerSecondMin")).isPositive()
				.isLessThanOrEqualTo((Double) row.get("requestsPerSecond"));
			assertThat((Double) row.get("requestsPerSecondMax"))
				.isGreaterThanOrEqualTo((Double) row.get("requestsPerSecond"));
			assertThat(row.get("loadGenerator")).isEqualTo("gatling");
			assertThat(row.get("jitCompilationMs")).as("JIT time of %s", row).isNotNull();
		});
		assertThat(rows).allSatisfy((row) -> {
			double ratio = (Double) row.get("overheadRatio");
			assertThat(ratio).as("overhead ratio of %s", row)
				.isCloseTo((Double) row.get("requestsPerSecond") / (Double) row.get("controlRequestsPerSecond"),
						within(0.01));
			assertThat((Double) row.get("overheadRatioMin")).isPositive()
				.isLessThanOrEqualTo((Double) row.get("overheadRatioMax"));
			assertThat((Double) row.get("p99Ratio")).isPositive();
		});
		assertThat(controls).allSatisfy((row) -> {
			assertThat(row.get("failure")).as("failure of %s", row).isEqualTo("");
			assertThat(row.get("overheadRatio")).isNull();
			assertThat((Double) row.get("rssMaxMiB")).isPositive();
		});
		// The controls wait as the services do.
		assertThat(controls).filteredOn((row) -> row.get("scenario").equals("latency-sweep"))
			.allSatisfy((row) -> assertThat((Double) row.get("latencyP50Ms")).isGreaterThanOrEqualTo(100.0));
		assertThat(rows).extracting((row) -> row.get("service"))
			.containsOnly("classic", "loom", "webflux")
			.filteredOn("loom"::equals)
			.hasSize(4);
		// Without --transports each service runs on its default transport, named as
		// before.
		assertThat(rows).filteredOn((row) -> row.get("service").equals("webflux"))
			.extracting((row) -> row.get("transport"))
			.containsOnly("epoll");
		assertThat(rows).filteredOn((row) -> !row.get("service").equals("webflux"))
			.extracting((row) -> row.get("transport"))
			.containsOnly("nio");
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.get("failure")).as("failure of %s", row).isEqualTo("");
			assertThat((Integer) row.get("requestsOk")).as("requests ok of %s", row).isPositive();
			assertThat((Double) row.get("requestsPerSecond")).isPositive();
			assertThat((Double) row.get("latencyP99Ms")).isGreaterThanOrEqualTo((Double) row.get("latencyP50Ms"));
			assertThat((Double) row.get("rssMaxMiB")).isPositive();
			assertThat((Double) row.get("heapMaxMiB")).isPositive();
			assertThat((Double) row.get("platformThreadsMax")).isPositive();
			assertThat((Double) row.get("cpuMsPerRequest")).isPositive();
			assertThat(row.get("gcPauses")).isNotNull();
			assertThat(out.resolve((String) row.get("gatlingReport")).resolve("index.html")).isNotEmptyFile();
		});
		// With 100 ms of latency every request takes at least that long, in every model.
		assertThat(rows).filteredOn((row) -> row.get("scenario").equals("latency-sweep"))
			.allSatisfy((row) -> assertThat((Double) row.get("latencyP50Ms")).isGreaterThanOrEqualTo(100.0));
		List<String> csv = Files.readAllLines(out.resolve("results.csv"));
		assertThat(csv).hasSize(25);
		for (String service : List.of("classic", "loom", "webflux")) {
			assertThat(csv).filteredOn((line) -> line.contains("," + service + ",")).hasSize(4);
			assertThat(csv).filteredOn((line) -> line.contains("," + service + "-control,")).hasSize(4);
		}
		assertThat(Files.readString(out.resolve("summary.md"))).contains("| 20 | webflux |", "| 20 | classic |",
				"| 20 | loom |", "API overhead (service ÷ its model's control)", "Every figure is the median of 2 runs",
				"over 2 runs]");
		Map<String, Object> environment = JSON.readValue(out.resolve("environment.json").toFile(),
				new TypeReference<>() {
				});
		assertThat(environment.get("serviceInfo").toString()).contains("latency-sweep/classic", "latency-sweep/loom",
				"latency-sweep/webflux", "PT0.1S", "io.netty.channel.epoll.EpollServerSocketChannel",
				"org.apache.coyote.http11.Http11NioProtocol");
		// Every service started with the same JVM flags: the harness's fair ones and the
		// processor count pinned to this machine's.
		assertThat((List<String>) environment.get("serviceJvmFlags")).containsAll(ServiceProcess.FAIR_JVM_FLAGS)
			.contains("-XX:ActiveProcessorCount=" + Runtime.getRuntime().availableProcessors())
			.hasSize(ServiceProcess.FAIR_JVM_FLAGS.size() + 1);
		// The services ran without the overload bound, and environment.json says so.
		assertThat(environment.get("serviceInfo").toString())
			.contains("maxConcurrentRequests=-1", "maxBufferedRequestBytes=-1")
			.doesNotContain("maxConcurrentRequests=2000");
		try (Stream<Path> logs = Files.list(out.resolve("logs"))) {
			// Two scenarios × two rounds × three services and three controls.
			assertThat(logs).hasSize(24);
		}

		// Eight charts per scenario and seven traces per step, each trace with a point
		// per
		// sample of each service.
		Map<String, List<Integer>> tracePoints = ReportInBrowser.tracePointsFromSamples(out,
				List.of("classic", "loom", "webflux"));
		assertThat(tracePoints).hasSize(4);
		ReportInBrowser.check(out.resolve("report.html"), 2 * 8 + 4 * 7, 2, tracePoints);
	}

}
