package dev.iomodels.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything needed to judge or repeat a comparison, written to {@code environment.json}:
 * the machine, the versions, the settings, and each service's own account of its settings
 * in effect ({@code /api/v1/info}).
 *
 * @param started when the comparison started (ISO-8601)
 * @param finished when it finished
 * @param elapsedSeconds how long it took
 * @param machine the machine
 * @param projectVersion this project's version
 * @param gitCommit the checkout's commit, if it is a Git checkout
 * @param springBootVersion the Spring Boot version the services were built with
 * @param loadGenerator the load generator and its version
 * @param serviceJvmFlags the JVM flags every service was started with
 * @param settings the comparison's settings
 * @param scenarios the scenarios as run
 * @param serviceInfo per scenario and service, what {@code /api/v1/info} answered
 */
public record Environment(String started, String finished, long elapsedSeconds, Machine machine, String projectVersion,
		String gitCommit, String springBootVersion, String loadGenerator, List<String> serviceJvmFlags,
		Map<String, Object> settings, List<Scenario> scenarios, Map<String, Map<String, Object>> serviceInfo) {

	/** The key of the remote targets ({@code --target}) in {@link #settings()}. */
	public static final String REMOTE_TARGETS = "targets";

	public Environment {
		serviceJvmFlags = List.copyOf(serviceJvmFlags);
		settings = Map.copyOf(settings);
		scenarios = List.copyOf(scenarios);
		serviceInfo = Map.copyOf(serviceInfo);
	}

	/**
	 * Say, for the report, which services were remote targets and what that means.
	 * @return the sentence, if any service was a remote target
	 */
	public Optional<String> remoteTargetsNote() {
		if (!(this.settings.get(REMOTE_TARGETS) instanceof List<?> targets) || targets.isEmpty()) {
			return Optional.empty();
		}
		List<String> described = new ArrayList<>();
		for (Object target : targets) {
			if (target instanceof Map<?, ?> fields) {
				described.add(fields.get("name") + " at " + fields.get("api") + " ("
						+ (Boolean.TRUE.equals(fields.get("onThisMachine")) ? "this machine" : "another machine")
						+ ")");
			}
		}
		return Optional.of("Remote targets: " + String.join(", ", described) + ". These services were started"
				+ " elsewhere, with JVM flags, backend and emulated latency of their own (each one's account of them is"
				+ " in environment.json), and could not be restarted between scenarios or steps: each step began with"
				+ " whatever the one before left (heap, compiled code, pooled connections). Their RSS and OS threads"
				+ " come from their own meters (process_memory_rss_bytes, process_threads), their CPU from"
				+ " process_cpu_time, the other CPU of their machine from system_cpu_usage; only the scenarios with"
				+ " the latency they run were measured.");
	}

}
