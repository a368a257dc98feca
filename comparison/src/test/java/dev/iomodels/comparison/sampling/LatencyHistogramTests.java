package dev.iomodels.comparison.sampling;

import dev.iomodels.harness.PrometheusScrape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests of {@link LatencyHistogram}: the per-second percentiles drawn in the report's
 * latency traces.
 */
class LatencyHistogramTests {

	private static final String EARLIER = """
			http_server_requests_seconds_bucket{method="GET",status="200",uri="/api/v1/objects/{key}",le="0.001"} 10
			http_server_requests_seconds_bucket{method="GET",status="200",uri="/api/v1/objects/{key}",le="0.01"} 50
			http_server_requests_seconds_bucket{method="GET",status="200",uri="/api/v1/objects/{key}",le="0.1"} 60
			http_server_requests_seconds_bucket{method="GET",status="200",uri="/api/v1/objects/{key}",le="+Inf"} 60
			http_server_requests_seconds_bucket{method="GET",status="200",uri="/actuator/prometheus",le="0.001"} 0
			http_server_requests_seconds_bucket{method="GET",status="200",uri="/actuator/prometheus",le="0.01"} 0
			http_server_requests_seconds_bucket{method="GET",status="200",uri="/actuator/prometheus",le="0.1"} 500
			http_server_requests_seconds_bucket{method="GET",status="200",uri="/actuator/prometheus",le="+Inf"} 500
			""";

	// A second later: 100 more GETs and 100 PUTs, on two series of the same buckets.
	private static final String LATER = """
			http_server_requests_seconds_bucket{method="GET",status="200",uri="/api/v1/objects/{key}",le="0.001"} 10
			http_server_requests_seconds_bucket{method="GET",status="200",uri="/api/v1/objects/{key}",le="0.01"} 150
			http_server_requests_seconds_bucket{method="GET",status="200",uri="/api/v1/objects/{key}",le="0.1"} 160
			http_server_requests_seconds_bucket{method="GET",status="200",uri="/api/v1/objects/{key}",le="+Inf"} 160
			http_server_requests_seconds_bucket{method="PUT",status="201",uri="/api/v1/objects/{key}",le="0.001"} 0
			http_server_requests_seconds_bucket{method="PUT",status="201",uri="/api/v1/objects/{key}",le="0.01"} 0
			http_server_requests_seconds_bucket{method="PUT",status="201",uri="/api/v1/objects/{key}",le="0.1"} 98
			http_server_requests_seconds_bucket{method="PUT",status="201",uri="/api/v1/objects/{key}",le="+Inf"} 100
			http_server_requests_seconds_bucket{method="GET",status="200",uri="/actuator/prometheus",le="0.001"} 0
			http_server_requests_seconds_bucket{method="GET",status="200",uri="/actuator/prometheus",le="0.01"} 0
			http_server_requests_seconds_bucket{method="GET",status="200",uri="/actuator/prometheus",le="0.1"} 900
			http_server_requests_seconds_bucket{method="GET",status="200",uri="/actuator/prometheus",le="+Inf"} 900
			""";

	@Test
	void theApiRoutesAreSummedByBoundAndTheScrapesLeftOut() {
		LatencyHistogram histogram = LatencyHistogram.of(PrometheusScrape.parse(LATER));

		assertThat(histogram.buckets()).containsExactly(new LatencyHistogram.Bucket(0.001, 10),
				new LatencyHistogram.Bucket(0.01, 150), new LatencyHistogram.Bucket(0.1, 258),
				new LatencyHistogram.Bucket(Double.POSITIVE_INFINITY, 260));
	}

	@Test
	void aQuantileOfTheIncreaseIsInterpolatedWithinItsBucket() {
		LatencyHistogram second = LatencyHistogram.of(PrometheusScrape.parse(LATER))
			.since(LatencyHistogram.of(PrometheusScrape.parse(EARLIER)));

		// 200 requests in the second: 100 between 1 and 10 ms, 98 between 10 and 100 ms,
		// 2 slower than 100 ms.
		assertThat(second.buckets().getLast().count()).isEqualTo(200);
		// The 100th request is the last of the 1–10 ms bucket.
		assertThat(second.quantileMillis(0.5)).isCloseTo(10, within(1e-9));
		// The 150th is 50 of the 98 into the 10–100 ms bucket.
		assertThat(second.quantileMillis(0.75)).isCloseTo(10 + 90 * 50 / 98.0, within(1e-9));
		// The 199th falls past the highest finite bound, which is all a histogram can
		// say.
		assertThat(second.quantileMillis(0.995)).isCloseTo(100, within(1e-9));
	}

	@Test
	void aSecondWithoutRequestsOrWithoutAHistogramHasNoQuantile() {
		LatencyHistogram later = LatencyHistogram.of(PrometheusScrape.parse(LATER));

		assertThat(later.since(later).quantileMillis(0.99)).isNaN();
		assertThat(LatencyHistogram.of(PrometheusScrape.parse("jvm_threads_live_threads 12\n")))
			.isEqualTo(LatencyHistogram.NONE);
		assertThat(later.since(LatencyHistogram.NONE).quantileMillis(0.5)).isNaN();
		assertThat(LatencyHistogram.NONE.quantileMillis(0.5)).isNaN();
	}

}
