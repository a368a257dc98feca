package dev.iomodels.webflux.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerMetricsCustomizerTests {

	@Test
	void everyObjectKeyIsOneRoute() {
		assertThat(ServerMetricsCustomizer.uriTag("/api/v1/objects/greeting")).isEqualTo("/api/v1/objects/{key}");
		assertThat(ServerMetricsCustomizer.uriTag("/api/v1/objects/a%2Fb")).isEqualTo("/api/v1/objects/{key}");
	}

	@Test
	void theApisOtherRoutesKeepTheirPathWithoutTheQuery() {
		assertThat(ServerMetricsCustomizer.uriTag("/api/v1/objects?prefix=a&limit=2")).isEqualTo("/api/v1/objects");
		assertThat(ServerMetricsCustomizer.uriTag("/api/v1/info")).isEqualTo("/api/v1/info");
		assertThat(ServerMetricsCustomizer.uriTag("/api/v1/openapi.yaml")).isEqualTo("/api/v1/openapi.yaml");
	}

	@Test
	void anyOtherPathIsOneTagSoThatScannersCannotCreateTimeSeries() {
		assertThat(ServerMetricsCustomizer.uriTag("/wp-admin/setup.php")).isEqualTo("other");
		assertThat(ServerMetricsCustomizer.uriTag("/api/v1/objects/")).isEqualTo("other");
	}

}
