package dev.iomodels.system.observability;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Docker: its Prometheus reads {@code prometheus/prometheus.remote.yml} in place of
 * {@code prometheus.yml}, which scrapes the same services the same way and the storage
 * node on the port the services reach it on, so that the dashboards' storage-node panels
 * have data there; the three services get identical remote settings that are the fairness
 * table's (the properties' defaults, read from the records), the node the services' own
 * storage limits, and the services start only once the node answers.
 */
class RemoteComposeTests {

	private static final String NODE_JOB = "storage-node";

	private final Map<String, Object> compose = ProjectFiles.yaml(ProjectFiles.remoteComposeFile());

	@Test
	void prometheusReadsTheRemoteScrapeConfigurationWherePlainComposeMountsPrometheusYml() {
		String base = mountOf(map(map(ProjectFiles.yaml(ProjectFiles.composeFile()).get("services")).get("prometheus")),
				"./prometheus/prometheus.yml");
		String remote = mountOf(service("prometheus"), "./prometheus/prometheus.remote.yml");
		// Compose merges volumes by their path in the container: the same path replaces
		// the plain stack's file instead of adding a second one.
		assertThat(remote).isEqualTo(base);
		assertThat(ProjectFiles.remotePrometheusConfig()).isRegularFile();
		assertThat(map(map(service("prometheus").get("depends_on")).get(NODE_JOB))).containsEntry("condition",
				"service_healthy");
	}

	@Test
	void theRemoteScrapeConfigurationIsThePlainOnePlusTheStorageNode() {
		Map<String, Object> plain = ProjectFiles.yaml(ProjectFiles.prometheusConfig());
		Map<String, Object> remote = ProjectFiles.yaml(ProjectFiles.remotePrometheusConfig());
		assertThat(remote.get("global")).isEqualTo(plain.get("global"));
		List<Object> jobs = new ArrayList<>(list(remote.get("scrape_configs")));
		Map<String, Object> node = map(jobs.remove(jobs.size() - 1));
		assertThat(jobs).as("the services' jobs, as in prometheus.yml").isEqualTo(list(plain.get("scrape_configs")));
		assertThat(node).containsEntry("job_name", NODE_JOB).containsEntry("metrics_path", "/metrics");
		assertThat(list(map(list(node.get("static_configs")).get(0)).get("targets")))
			.containsExactly(NODE_JOB + ":" + nodePort());
	}

	@Test
	void theServicesReachTheNodeOnThePortPrometheusScrapes() {
		for (Service service : Service.ALL) {
			assertThat(map(service(service.name()).get("environment"))).containsEntry("STORAGE_REMOTE_URL",
					"http://" + NODE_JOB + ":" + nodePort());
		}
	}

	/**
	 * The port the node listens on in its container: its image's, published as it is.
	 */
	private int nodePort() {
		List<Object> ports = list(service(NODE_JOB).get("ports"));
		assertThat(ports).hasSize(1);
		String[] published = String.valueOf(ports.get(0)).split(":");
		assertThat(published[0]).isEqualTo(published[1]);
		return Integer.parseInt(published[1]);
	}

	private static String mountOf(Map<String, Object> service, String source) {
		for (Object volume : list(service.get("volumes"))) {
			String[] parts = String.valueOf(volume).split(":");
			if (parts[0].equals(source)) {
				return parts[1];
			}
		}
		throw new AssertionError(source + " is not mounted into prometheus");
	}

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

	/**
	 * Return a property's default, as its record declares it: {@code @DefaultValue} sits
	 * on the canonical constructor's parameter (the annotation does not target record
	 * components).
	 */
	private static String defaultOf(Class<? extends Record> properties, String component) {
		RecordComponent[] components = properties.getRecordComponents();
		Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
		Parameter[] parameters;
		try {
			parameters = properties.getDeclaredConstructor(types).getParameters();
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(properties + " has no canonical constructor", ex);
		}
		for (int i = 0; i < components.length; i++) {
			if (components[i].getName().equals(component)) {
				DefaultValue value = parameters[i].getAnnotation(DefaultValue.class);
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
		assertThat(service).as("service %s of docker-compose.remote.yml", name).isNotNull();
		return service;
	}

}
