package dev.iomodels.gatling;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class GatlingStatsTests {

	@Test
	void readsTheWholeRunFromTheStatisticsTable() throws Exception {
		GatlingStats all = GatlingStats.read(report());
		assertThat(all).isEqualTo(new GatlingStats(GatlingStats.ALL_REQUESTS, 5149, 0, 1716.33, 0, 1, 4, 6, 8, 83, 2));
		assertThat(all.total()).isEqualTo(5149);
		assertThat(all.koPercent()).isZero();
	}

	@Test
	void readsEachRequestName() throws Exception {
		Map<String, GatlingStats> requests = GatlingStats.readRequests(report());
		assertThat(requests).containsOnlyKeys(StorageApi.GET, StorageApi.PUT, StorageApi.LIST, StorageApi.PUT_SCRATCH,
				StorageApi.DELETE_SCRATCH);
		assertThat(requests.get(StorageApi.GET).ok()).isEqualTo(3926);
		assertThat(requests.get(StorageApi.GET).p99Ms()).isEqualTo(12);
		assertThat(requests.get(StorageApi.PUT).meanRequestsPerSecond()).isEqualTo(271.67);
		assertThat(requests.values().stream().mapToLong(GatlingStats::total).sum()).isEqualTo(5149);
	}

	@Test
	void saysWhichColumnIsMissingWhenThePercentilesAreNotTheConfiguredOnes(@TempDir Path directory) throws Exception {
		String html = Files.readString(report().resolve("index.html")).replace("90th pct", "75th pct");
		Files.writeString(directory.resolve("index.html"), html);
		assertThatIllegalStateException().isThrownBy(() -> GatlingStats.read(directory))
			.withMessageContaining("'90th pct'")
			.withMessageContaining("gatling.conf");
	}

	@Test
	void computesTheShareOfFailedRequests() {
		GatlingStats stats = new GatlingStats("GET object", 90, 10, 1, 0, 0, 0, 0, 0, 0, 0);
		assertThat(stats.koPercent()).isEqualTo(10.0);
	}

	private static Path report() throws URISyntaxException {
		return Path.of(GatlingStatsTests.class.getResource("/gatling-3.15-report/index.html").toURI()).getParent();
	}

}
