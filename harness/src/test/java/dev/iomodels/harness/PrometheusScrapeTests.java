package dev.iomodels.harness;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusScrapeTests {

	private static final String EXPOSITION = """
			# HELP jvm_memory_used_bytes The amount of used memory
			# TYPE jvm_memory_used_bytes gauge
			jvm_memory_used_bytes{application="classic",area="heap",id="G1 Eden Space"} 1.2E7
			jvm_memory_used_bytes{application="classic",area="heap",id="G1 Old Gen"} 3000000.0
			jvm_memory_used_bytes{application="classic",area="nonheap",id="Metaspace"} 5.0E7
			process_cpu_usage 0.25
			http_server_requests_seconds_bucket{le="+Inf",uri="/a\\"b"} 7
			""";

	@Test
	void sumsTheSamplesWhoseLabelsMatch() {
		PrometheusScrape scrape = PrometheusScrape.parse(EXPOSITION);
		assertThat(scrape.sum("jvm_memory_used_bytes", Map.of("area", "heap"))).isEqualTo(1.5E7);
		assertThat(scrape.sum("jvm_memory_used_bytes")).isEqualTo(6.5E7);
	}

	@Test
	void readsMetricsWithoutLabelsAndEscapedLabelValues() {
		PrometheusScrape scrape = PrometheusScrape.parse(EXPOSITION);
		assertThat(scrape.sum("process_cpu_usage")).isEqualTo(0.25);
		assertThat(scrape.named("http_server_requests_seconds_bucket").get(0).labels()).containsEntry("uri", "/a\"b")
			.containsEntry("le", "+Inf");
	}

	@Test
	void aMetricThatIsNotExposedSumsToNaN() {
		assertThat(PrometheusScrape.parse(EXPOSITION).sum("no_such_metric")).isNaN();
	}

}
