package dev.iomodels.system.observability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.iomodels.harness.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every PromQL expression of every panel of every dashboard, evaluated by a real
 * Prometheus that scrapes the three running jars on the remote backend, all three on one
 * storage node started from its jar, with the remote stack's
 * {@code prometheus/prometheus.remote.yml} (the services and the node): the panels of the
 * Remote storage rows (the connections to the node, and the node's own meters) must have
 * data for what they claim to show, the panels of every backend too, and the database
 * panels none. How the queries are evaluated: {@link DashboardQueries}.
 * <p>
 * The services run here while the test class runs, and are stopped after it; like
 * {@link DashboardQueriesIT} it needs the {@code prometheus} binary.
 */
class RemoteDashboardQueriesIT {

	private static ObservedServices services;

	private static PrometheusServer prometheus;

	@BeforeAll
	static void start() throws Exception {
		Path binary = DashboardQueries.prometheusBinary();
		services = ObservedServices.startRemote();
		String config = PrometheusServer.localConfig(ProjectFiles.remotePrometheusConfig(), services.processes(),
				Map.of("storage-node:7070", services.node().url().getAuthority()));
		prometheus = PrometheusServer.start(binary, config, Path.of("target", "prometheus-remote"));
		List<String> jobs = new ArrayList<>(Service.ALL.stream().map(Service::name).toList());
		jobs.add("storage-node");
		// Enough scrapes for a rate over $__rate_interval to have several samples.
		prometheus.awaitScrapes(jobs, 8, Duration.ofSeconds(60));
	}

	@AfterAll
	static void stop() throws Exception {
		try {
			if (prometheus != null) {
				prometheus.close();
			}
		}
		finally {
			if (services != null) {
				services.close();
			}
		}
	}

	@Test
	void everyQueryOfEveryPanelReturnsDataForEachServiceItClaimsToShowAndForNoOther() throws Exception {
		DashboardQueries.checkEveryQueryOfEveryPanel(prometheus, services.backend());
	}

	@Test
	void theDashboardsVariablesOfferTheThreeServicesAndTheirTransports() throws Exception {
		DashboardQueries.checkVariablesOfferTheThreeServicesAndTheirTransports(prometheus);
	}

}
