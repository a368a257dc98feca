package dev.iomodels.comparison;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.iomodels.comparison.cli.Compare;
import dev.iomodels.comparison.wall.InFlightLimits;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code ./compare --wall} scaled down to what CI can afford: the three real services,
 * each holding 2,000 requests in flight behind 2 s of storage latency, their memory read
 * at the peak, and the files written.
 */
class WallIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final double MIB = 1 << 20;

	@Test
	void everyServiceHolds2000InFlightAndItsMemoryPerRequestInFlightIsWritten() throws Exception {
		Path root = Path.of(System.getProperty("project.root")).toAbsolutePath().normalize();
		Path out = Path.of("target", "wall-it").toAbsolutePath();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();

		int status = Compare.run(
				new String[] { "--wall", "--in-flight", "2000", "--latency", "2s", "--hold", "6s", "--out",
						out.toString() },
				root, new PrintStream(System.out, true, StandardCharsets.UTF_8),
				new PrintStream(errors, true, StandardCharsets.UTF_8));

		assertThat(status).as("exit status; errors: %s", errors).isZero();
		JsonNode report = JSON.readTree(out.resolve("wall.json").toFile());
		List<String> services = new ArrayList<>();
		for (JsonNode service : report.get("services")) {
			String name = service.get("service").asString();
			services.add(name);
			JsonNode step = service.get("steps").get(0);
			assertThat(step.get("inFlight").asInt()).isEqualTo(2000);
			assertThat(step.get("errors").asLong()).as("errors of %s", name).isZero();
			assertThat(step.get("ok").asLong()).as("requests of %s", name).isGreaterThanOrEqualTo(2000);
			assertThat(step.get("failure").isNull()).as("failure of %s: %s", name, step.get("failure")).isTrue();
			// Every connection was open at the peak, and the live heap grew with them.
			JsonNode peak = step.get("memory");
			JsonNode idle = step.get("idle");
			assertThat(peak.get("openFiles").asInt()).as("descriptors of %s", name).isGreaterThanOrEqualTo(1960);
			assertThat(peak.get("liveHeapBytes").asLong()).as("live heap of %s", name)
				.isGreaterThan(idle.get("liveHeapBytes").asLong());
			assertThat(peak.get("nativeCategories").has("Thread")).isTrue();
			assertThat(peak.get("topClasses").size()).isPositive();
		}
		assertThat(services).containsExactly("classic", "loom", "webflux");
		// Virtual threads and the event loop answer every request after the latency; the
		// pool of 200 answers 200 every 2 s, so its crowd of 2,000 waits about 20 s
		// (Little's law), less during the ramp, when the crowd is smaller.
		assertThat(p50Millis(report, "loom")).isBetween(2000.0, 2500.0);
		assertThat(p50Millis(report, "webflux")).isBetween(2000.0, 2500.0);
		assertThat(p50Millis(report, "classic")).isBetween(10_000.0, 25_000.0);
		// Tomcat keeps buffers for each request in flight, and a virtual thread its
		// stack:
		// loom's heap grows more per request than the event loop's.
		assertThat(liveHeapGrowth(report, "loom")).isGreaterThan(liveHeapGrowth(report, "webflux"));
		String markdown = Files.readString(out.resolve("wall.md"));
		assertThat(markdown).contains("## Requests in flight", "## Memory per 1,000 requests in flight",
				"## What fills the heap", "| loom | 2,000 |", "| webflux | 2,000 |", "| classic | 2,000 |");
	}

	@Test
	void moreInFlightThanTheDescriptorLimitAllowsStopsAtOnceNamingTheLimit() throws Exception {
		InFlightLimits limits = InFlightLimits.read();
		assumeThat(limits.openFiles()).as("a descriptor limit below 111,024").isLessThan(111_024);
		Path root = Path.of(System.getProperty("project.root")).toAbsolutePath().normalize();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();

		int status = Compare.run(
				new String[] { "--wall", "--in-flight", "100000", "--out",
						Path.of("target", "wall-it-refused").toAbsolutePath().toString() },
				root, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new PrintStream(errors, true, StandardCharsets.UTF_8));

		assertThat(status).isEqualTo(2);
		assertThat(errors.toString(StandardCharsets.UTF_8)).contains("100,000 in flight need 111,024 open files",
				"ulimit -n", "--in-flight max");
		assertThat(Path.of("target", "wall-it-refused")).doesNotExist();
	}

	private static double p50Millis(JsonNode report, String service) {
		return serviceNode(report, service).get("steps").get(0).get("p50Millis").asDouble();
	}

	private static double liveHeapGrowth(JsonNode report, String service) {
		JsonNode node = serviceNode(report, service);
		JsonNode step = node.get("steps").get(0);
		return (step.get("memory").get("liveHeapBytes").asLong() - step.get("idle").get("liveHeapBytes").asLong())
				/ MIB;
	}

	private static JsonNode serviceNode(JsonNode report, String service) {
		for (JsonNode node : report.get("services")) {
			if (node.get("service").asString().equals(service)) {
				return node;
			}
		}
		throw new AssertionError("No " + service + " in the report");
	}

}
