package dev.iomodels.gatling;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gatling runs offline: nothing of a run goes to an outside host. (Its check for a newer
 * release, which no setting turns off, is sent to a closed local proxy port by
 * {@link GatlingRunner} and the Maven plugin's JVM arguments.)
 */
class OfflineTests {

	@Test
	void theProjectsGatlingConfigurationTurnsOffTheWarmUpRequestAndTheUsageAnalytics() {
		Config config = ConfigFactory.parseResources("gatling.conf");

		assertThat(config.getString("gatling.http.warmUpUrl")).isEmpty();
		assertThat(config.getBoolean("gatling.data.enableAnalytics")).isFalse();
	}

}
