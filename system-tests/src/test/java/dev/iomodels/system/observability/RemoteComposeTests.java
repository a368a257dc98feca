package dev.iomodels.system.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.iomodels.harness.Service;
import org.junit.jupiter.api.Test;

import static dev.iomodels.system.observability.ProjectFiles.list;
import static dev.iomodels.system.observability.ProjectFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be proven about the monitoring of the remote stack
 * ({@code docker compose -f docker-compose.yml -f docker-compose.remote.yml up}) without
 * Docker: its Prometheus reads {@code prometheus/prometheus.remote.yml} in place of
 * {@code prometheus.yml}, which scrapes the same services the same way and the storage
 * node on the port the services reach it on, so that the dashboards' storage-node panels
 * have data there.
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

	private Map<String, Object> service(String name) {
		Map<String, Object> service = map(map(this.compose.get("services")).get(name));
		assertThat(service).as("service %s of docker-compose.remote.yml", name).isNotNull();
		return service;
	}

}
