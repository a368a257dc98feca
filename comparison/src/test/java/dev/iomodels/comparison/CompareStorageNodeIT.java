package dev.iomodels.comparison;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.iomodels.comparison.cli.Compare;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole command on the remote backend, with the tiny profile: a storage node started
 * from its jar for every service, the scenario's latency in the node and not in the
 * service, loom run on two blocking clients and webflux on WebClient, and the node's CPU
 * reported beside the load generator's.
 */
class CompareStorageNodeIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void eachServiceWaitsOnAStorageNodeOfItsOwnAndTheNodesCpuIsReported() throws Exception {
		Path root = Path.of(System.getProperty("project.root")).toAbsolutePath().normalize();
		Path out = Path.of("target", "compare-storage-node-it").toAbsolutePath();
		TestDirectories.deleteRecursively(out);
		ByteArrayOutputStream progress = new ByteArrayOutputStream();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();

		int status = Compare.run(
				new String[] { "--profile", "tiny", "--backend", "remote", "--services", "loom,webflux",
						"--remote-clients", "jdk,apache", "--out", out.toString() },
				root, new PrintStream(new TeeStream(progress, System.out), true, StandardCharsets.UTF_8),
				new PrintStream(new TeeStream(errors, System.err), true, StandardCharsets.UTF_8));

		assertThat(status).as("exit status; errors: %s", errors).isZero();
		List<Map<String, Object>> rows = JSON.readValue(out.resolve("results.json").toFile(), new TypeReference<>() {
		});
		// Two scenarios × three contenders × two steps.
		assertThat(rows).hasSize(12)
			.extracting((row) -> row.get("service"))
			.containsOnly("loom/jdk", "loom/apache", "webflux");
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.get("failure")).as("failure of %s", row).isEqualTo("");
			assertThat((Integer) row.get("requestsOk")).as("requests ok of %s", row).isPositive();
			assertThat(row.get("requestsKo")).as("requests ko of %s", row).isEqualTo(0);
			assertThat((Double) row.get("storageCores")).as("storage node CPU of %s", row).isPositive();
		});
		// The 100 ms are waited for in the node: every request still takes them.
		assertThat(rows).filteredOn((row) -> row.get("scenario").equals("latency-sweep"))
			.allSatisfy((row) -> assertThat((Double) row.get("latencyP50Ms")).isGreaterThanOrEqualTo(100.0));
		assertThat(Files.readAllLines(out.resolve("results.csv")).getFirst()).contains("storageCores");
		assertThat(Files.readAllLines(out.resolve("samples.csv")).getFirst()).contains("storageCpuSeconds");
		assertThat(Files.readString(out.resolve("summary.md"))).contains("load generator / storage node / other CPU",
				"| 20 | loom/apache |", "| 20 | webflux |");

		Map<String, Object> environment = JSON.readValue(out.resolve("environment.json").toFile(),
				new TypeReference<>() {
				});
		assertThat(environment.get("settings").toString()).contains("backend=remote", "remoteClients=[jdk, apache]");
		Map<String, Object> serviceInfo = (Map<String, Object>) environment.get("serviceInfo");
		// Each service ran on the remote backend, on its client, with no latency of its
		// own.
		assertThat(serviceInfo.get("latency-sweep/loom/apache").toString()).contains("backend=remote", "client=apache");
		assertThat(serviceInfo.get("latency-sweep/loom/jdk").toString()).contains("backend=remote", "client=jdk");
		assertThat(serviceInfo.get("latency-sweep/webflux").toString()).contains("backend=remote");
		assertThat(serviceInfo.values())
			.allSatisfy((info) -> assertThat(info.toString()).contains("emulatedLatency=PT0S"));
		try (Stream<Path> logs = Files.list(out.resolve("logs"))) {
			// A node of its own for each of the six service runs, beside the six
			// services'
			// logs.
			assertThat(logs.map((log) -> log.getFileName().toString()))
				.filteredOn((name) -> name.startsWith("storage-node-"))
				.hasSize(6);
		}
		// Every node was stopped with its service.
		assertThat(ProcessHandle.current()
			.children()
			.filter(ProcessHandle::isAlive)
			.filter((child) -> child.info().commandLine().orElse("").contains("storage-node"))).isEmpty();
	}

}
