package dev.iomodels.system.observability;

import java.nio.file.Path;
import java.time.Duration;

import dev.iomodels.harness.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every PromQL expression of every panel of every dashboard, evaluated by a real
 * Prometheus that scrapes the three running jars on the postgres backend
 * ({@link ObservedServices}) with the project's {@code prometheus/prometheus.yml}, while
 * they serve traffic: each must return data for each service its panel claims to show
 * ({@code Applies to:} in the description), and none for the others; the panels of the
 * remote backend must be empty here. How the queries are evaluated:
 * {@link DashboardQueries}. {@link RemoteDashboardQueriesIT} does the same on the remote
 * backend.
 * <p>
 * Needs the {@code prometheus} binary (Debian's package;
 * {@code scripts/install-test-tools.sh} installs it). Without it the test is skipped,
 * except in CI ({@code CI=true}), where it fails.
 */
@ExtendWith(ObservedServices.Extension.class)
class DashboardQueriesIT {

	private static PrometheusServer prometheus;

	@BeforeAll
	static void startPrometheus(ObservedServices services) throws Exception {
		Path binary = DashboardQueries.prometheusBinary();
		prometheus = PrometheusServer.start(binary, PrometheusServer.localConfig(services.processes()),
				Path.of("target", "prometheus"));
		// Enough scrapes for a rate over $__rate_interval to have several samples.
		prometheus.awaitScrapes(Service.ALL.stream().map(Service::name).toList(), 8, Duration.ofSeconds(60));
	}

	@AfterAll
	static void stopPrometheus() throws Exception {
		if (prometheus != null) {
			prometheus.close();
		}
	}

	@Test
	void everyQueryOfEveryPanelReturnsDataForEachServiceItClaimsToShowAndForNoOther() throws Exception {
		DashboardQueries.checkEveryQueryOfEveryPanel(prometheus, "postgres");
	}

	@Test
	void theDashboardsVariablesOfferTheThreeServicesAndTheirTransports() throws Exception {
		DashboardQueries.checkVariablesOfferTheThreeServicesAndTheirTransports(prometheus);
	}

}
