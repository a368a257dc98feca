package dev.iomodels.system.observability;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.iomodels.harness.Service;
import dev.iomodels.remote.RemoteStorageProperties;
import dev.iomodels.service.StorageProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;

import static dev.iomodels.system.observability.ProjectFiles.list;
import static dev.iomodels.system.observability.ProjectFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be proven about the remote stack
 * ({@code docker compose -f docker-compose.yml -f docker-compose.remote.yml up}) without
 * Docker: it adds a storage node with the services' own limits, points the three services
 * at it with identical settings that are the fairness table's (the properties' defaults,
 * read from the records), and starts them only once the node answers.
 */
class RemoteServicesComposeTests {

	private final Map<String, Object> compose = ProjectFiles
		.yaml(ProjectFiles.root().resolve("docker-compose.remote.yml"));

	@Test
	void theThreeServicesGetTheSameRemoteSettingsWhichAreTheDefaults() {
		List<Map<String, Object>> settings = new ArrayList<>();
		for (Service service : Service.ALL) {
			settings.add(map(service(service.name()).get("environment")));
		}
		assertThat(settings).containsOnly(settings.get(0));
		Map<String, Object> environment = new LinkedHashMap<>(settings.get(0));
		assertThat(environment.remove("STORAGE_BACKEND")).isEqualTo("remote");
		assertThat(environment.remove("STORAGE_REMOTE_URL")).isEqualTo("http://storage-node:7070");
		assertThat(environment.remove("STORAGE_REMOTE_CLIENT"))
			.isEqualTo("${STORAGE_REMOTE_CLIENT:-" + defaultOf(RemoteStorageProperties.class, "client") + "}");
		// Every other connection setting, spelled out with its default value.
		Map<String, String> defaults = new LinkedHashMap<>();
		for (RecordComponent component : RemoteStorageProperties.class.getRecordComponents()) {
			if (!List.of("url", "client").contains(component.getName())) {
				defaults.put(environmentName("storage.remote.", component.getName()),
						defaultOf(RemoteStorageProperties.class, component.getName()));
			}
		}
		assertThat(environment).isEqualTo(defaults);
	}

	@Test
	void theNodeHoldsWhatTheServicesAllowAndNoMore() {
		List<String> command = list(service("storage-node").get("command")).stream().map(String::valueOf).toList();
		assertThat(argument(command, "--max-object-size"))
			.isEqualTo(defaultOf(StorageProperties.class, "maxObjectSize"));
		assertThat(argument(command, "--max-objects")).isEqualTo(defaultOf(StorageProperties.class, "maxObjects"));
		assertThat(argument(command, "--max-bytes")).isEqualTo(defaultOf(StorageProperties.class, "maxBytes"));
		assertThat(argument(command, "--latency")).isEqualTo("${NODE_LATENCY:-0ms}");
	}

	@Test
	void theServicesStartOnlyOnceTheNodeIsHealthyWhichItsImageChecks() throws Exception {
		for (Service service : Service.ALL) {
			assertThat(map(map(service(service.name()).get("depends_on")).get("storage-node")))
				.containsEntry("condition", "service_healthy");
		}
		Map<String, Object> node = service("storage-node");
		assertThat(map(node.get("build"))).containsEntry("dockerfile", "storage-node/Dockerfile");
		String dockerfile = Files.readString(ProjectFiles.root().resolve("storage-node/Dockerfile"));
		assertThat(dockerfile).contains("HEALTHCHECK", "EXPOSE 7070", "\"--port\", \"7070\"");
		assertThat(list(node.get("ports"))).containsExactly("7070:7070");
	}

	private static String argument(List<String> command, String flag) {
		int index = command.indexOf(flag);
		assertThat(index).as("%s in %s", flag, command).isNotNegative();
		return command.get(index + 1);
	}

	private static String defaultOf(Class<? extends Record> properties, String component) {
		for (RecordComponent candidate : properties.getRecordComponents()) {
			if (candidate.getName().equals(component)) {
				DefaultValue value = candidate.getAnnotation(DefaultValue.class);
				assertThat(value).as("@DefaultValue of %s.%s", properties.getSimpleName(), component).isNotNull();
				return String.join(",", value.value());
			}
		}
		throw new IllegalArgumentException(properties.getSimpleName() + " has no " + component);
	}

	/**
	 * {@code storage.remote.} and {@code maxConnections} give
	 * {@code STORAGE_REMOTE_MAX_CONNECTIONS}.
	 */
	private static String environmentName(String prefix, String component) {
		String property = prefix + component.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
		return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
	}

	private Map<String, Object> service(String name) {
		Map<String, Object> service = map(map(this.compose.get("services")).get(name));
		assertThat(service).as("compose service %s", name).isNotNull();
		return service;
	}

}
