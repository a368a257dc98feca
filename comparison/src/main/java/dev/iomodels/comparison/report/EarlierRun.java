package dev.iomodels.comparison.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.iomodels.comparison.results.ResultRow;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An earlier comparison that this one is compared against ({@code --against}), read back
 * from its results directory: the figures from {@code results.json} and what it ran on
 * from {@code environment.json}.
 *
 * @param directory the earlier run's results directory
 * @param started when it started
 * @param cores the processors it ran with
 * @param jdk its JDK: version and vendor
 * @param jvmFlags the JVM flags its services were started with
 * @param rows its figures, services only (not controls or cross-checks)
 */
public record EarlierRun(Path directory, String started, int cores, String jdk, List<String> jvmFlags,
		List<ResultRow> rows) {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	public EarlierRun {
		jvmFlags = List.copyOf(jvmFlags);
		rows = List.copyOf(rows);
	}

	/**
	 * Read an earlier run.
	 * @param directory its results directory
	 * @return the run
	 * @throws IllegalArgumentException if it has no {@code results.json} or
	 * {@code environment.json}, with a message that says which
	 */
	public static EarlierRun read(Path directory) {
		Path results = directory.resolve(ReportFiles.RESULTS_JSON);
		Path environment = directory.resolve(ReportFiles.ENVIRONMENT);
		for (Path file : List.of(results, environment)) {
			if (!Files.isRegularFile(file)) {
				throw new IllegalArgumentException("--against " + directory + ": " + file.getFileName()
						+ " is missing; name the results directory of an earlier ./compare");
			}
		}
		try {
			List<ResultRow> rows = JSON.readValue(results.toFile(), new TypeReference<List<ResultRow>>() {
			});
			JsonNode node = JSON.readTree(environment.toFile());
			JsonNode machine = node.path("machine");
			List<String> flags = new ArrayList<>();
			node.path("serviceJvmFlags").forEach((flag) -> flags.add(flag.asString()));
			return new EarlierRun(directory, node.path("started").asString(""), machine.path("cores").asInt(),
					jdk(machine.path("javaVersion").asString(""), machine.path("javaVendor").asString("")), flags,
					rows.stream().filter((row) -> "service".equals(row.role())).toList());
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(
					"--against " + directory + ": cannot read its results: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Describe a JDK as the comparison records it.
	 * @param version e.g. {@code 25.0.3+9-LTS}
	 * @param vendor e.g. {@code Eclipse Adoptium}
	 * @return e.g. {@code 25.0.3+9-LTS (Eclipse Adoptium)}
	 */
	public static String jdk(String version, String vendor) {
		return version + " (" + vendor + ")";
	}

	/**
	 * Return what differs between the environment of this run and another's: the
	 * processor count, the JDK and the services' JVM flags. Figures measured on different
	 * environments measure the environments as much as the change.
	 * @param cores the other run's processors
	 * @param jdk the other run's JDK ({@link #jdk(String, String)})
	 * @param jvmFlags the other run's JVM flags
	 * @return one line per difference; empty if they are the same
	 */
	List<String> differences(int cores, String jdk, List<String> jvmFlags) {
		List<String> differences = new ArrayList<>();
		if (cores != this.cores) {
			differences.add("cores: " + this.cores + " in the earlier run, " + cores + " now");
		}
		if (!jdk.equals(this.jdk)) {
			differences.add("JDK: " + this.jdk + " in the earlier run, " + jdk + " now");
		}
		if (!jvmFlags.equals(this.jvmFlags)) {
			List<String> gone = this.jvmFlags.stream().filter((flag) -> !jvmFlags.contains(flag)).toList();
			List<String> added = jvmFlags.stream().filter((flag) -> !this.jvmFlags.contains(flag)).toList();
			differences
				.add("service JVM flags: " + (gone.isEmpty() ? "" : String.join(" ", gone) + " only in the earlier run")
						+ ((!gone.isEmpty() && !added.isEmpty()) ? "; " : "")
						+ (added.isEmpty() ? "" : String.join(" ", added) + " only now")
						+ ((gone.isEmpty() && added.isEmpty()) ? "the same flags in another order" : ""));
		}
		return differences;
	}

	/**
	 * Refuse to compare with a run whose environment differs.
	 * @param cores this run's processors
	 * @param jdk this run's JDK
	 * @param jvmFlags this run's JVM flags
	 * @throws EnvironmentsDiffer naming every difference
	 */
	public void requireSameEnvironment(int cores, String jdk, List<String> jvmFlags) {
		List<String> differences = differences(cores, jdk, jvmFlags);
		if (!differences.isEmpty()) {
			throw new EnvironmentsDiffer("Not comparing with " + this.directory + ": its environment differs ("
					+ String.join("; ", differences) + "). Run both on the same machine, JDK and flags, or leave out"
					+ " --against.");
		}
	}

	/**
	 * Find the earlier figures of a step.
	 * @param scenario the scenario's id
	 * @param service the service's label
	 * @param users the step
	 * @return the row, if the earlier run measured that step
	 */
	Optional<ResultRow> row(String scenario, String service, int users) {
		return this.rows.stream()
			.filter((row) -> row.scenario().equals(scenario) && row.service().equals(service) && row.users() == users)
			.findFirst();
	}

	/**
	 * Thrown when two runs cannot be compared because what they ran on differs.
	 */
	public static final class EnvironmentsDiffer extends RuntimeException {

		EnvironmentsDiffer(String message) {
			super(message);
		}

	}

}
