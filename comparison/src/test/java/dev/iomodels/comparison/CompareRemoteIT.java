package dev.iomodels.comparison;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.iomodels.comparison.cli.Compare;
import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./compare --target}, in this JVM with the tiny profile, against the three real
 * services started beforehand from their jars, as a user would start them elsewhere: the
 * comparison neither starts nor stops them, measures only the scenario with the latency
 * they run, fills every figure of every row from their metrics over HTTP, and says in the
 * report that they were remote and not restarted.
 */
class CompareRemoteIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theTinyProfileComparesThreeRunningServicesOverHttpWithEveryFigure() throws Exception {
		Path root = Path.of(System.getProperty("project.root")).toAbsolutePath().normalize();
		Path out = Path.of("target", "compare-remote-it").toAbsolutePath();
		Files.createDirectories(out);
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("storage.emulated-latency", "50ms");
		properties.put("iomodels.server.max-concurrent-requests", "-1");
		properties.put("iomodels.server.max-buffered-request-bytes", "-1");
		List<ServiceProcess> started = new ArrayList<>();
		try {
			List<String> args = new ArrayList<>(
					List.of("--profile", "tiny", "--latency", "50ms", "--out", out.resolve("report").toString()));
			for (Service service : Service.ALL) {
				ServiceProcess process = ServiceProcess.start(service, service.jar(root, Compare.projectVersion()),
						properties, out.resolve("started-by-hand"));
				started.add(process);
				args.addAll(List.of("--target",
						service.shortName() + "=" + process.api() + ",management=" + process.management()));
			}
			ByteArrayOutputStream progress = new ByteArrayOutputStream();
			ByteArrayOutputStream errors = new ByteArrayOutputStream();

			int status = Compare.run(args.toArray(String[]::new), root,
					new PrintStream(progress, true, StandardCharsets.UTF_8),
					new PrintStream(errors, true, StandardCharsets.UTF_8));

			assertThat(status).as("exit status; errors: %s; progress: %s", errors, progress).isZero();
			assertThat(progress.toString(StandardCharsets.UTF_8)).contains("Left out: cpu-bound-sweep");
			// Still running: the comparison does not stop what it did not start.
			assertThat(started)
				.allSatisfy((process) -> assertThat(ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive))
					.hasValue(true));
			Path report = out.resolve("report");
			List<Map<String, Object>> rows = JSON.readValue(report.resolve("results.json").toFile(),
					new TypeReference<>() {
					});
			// One scenario (the targets' 50 ms) × three services × two steps.
			assertThat(rows).hasSize(6);
			assertThat(rows).extracting((row) -> row.get("scenario")).containsOnly("latency-sweep");
			assertThat(rows).allSatisfy((row) -> {
				assertThat(row.get("failure")).as("failure of %s", row).isEqualTo("");
				assertThat((Integer) row.get("requestsOk")).isPositive();
				assertThat((Double) row.get("latencyP50Ms")).isGreaterThanOrEqualTo(50.0);
				// The figures /proc gives a local service, here from the service's
				// meters.
				for (String figure : List.of("rssMaxMiB", "osThreadsMax", "cpuCores", "cpuMsPerRequest", "heapMaxMiB",
						"platformThreadsMax", "loadGeneratorCores", "otherCores", "inFlightMax", "gcPauses")) {
					assertThat(row.get(figure)).as("%s of %s", figure, row.get("service")).isNotNull();
				}
				assertThat((Double) row.get("rssMaxMiB")).isPositive();
				assertThat((Double) row.get("osThreadsMax")).isPositive();
				assertThat((Double) row.get("cpuCores")).isPositive();
			});
			Map<String, Object> environment = JSON.readValue(report.resolve("environment.json").toFile(),
					new TypeReference<>() {
					});
			assertThat(environment.get("settings").toString()).contains("targets", "onThisMachine=true");
			assertThat(environment.get("serviceInfo").toString()).contains("latency-sweep/classic",
					"latency-sweep/loom", "latency-sweep/webflux", "PT0.05S");
			String html = Files.readString(report.resolve("report.html"));
			assertThat(html).contains("Remote targets: classic at " + started.get(0).api())
				.contains("could not be restarted between scenarios or steps");
			assertThat(Files.readString(report.resolve("summary.md"))).contains("Remote targets:");
			assertThat(report.resolve("logs/loom-service-remote.log")).content().contains("left running");
			ReportInBrowser.check(report.resolve("report.html"), 8 + 2 * 7, 1,
					ReportInBrowser.tracePointsFromSamples(report, List.of("classic", "loom", "webflux")));
		}
		finally {
			for (ServiceProcess process : started) {
				process.close();
			}
		}
	}

}
