package dev.iomodels.comparison;

import java.util.List;
import java.util.Map;

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

	public Environment {
		serviceJvmFlags = List.copyOf(serviceJvmFlags);
		settings = Map.copyOf(settings);
		scenarios = List.copyOf(scenarios);
		serviceInfo = Map.copyOf(serviceInfo);
	}

}
