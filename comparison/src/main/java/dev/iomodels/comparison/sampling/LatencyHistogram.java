package dev.iomodels.comparison.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.iomodels.harness.PrometheusScrape;
import dev.iomodels.harness.PrometheusScrape.Sample;

/**
 * A service's request-latency histogram ({@code http_server_requests_seconds_bucket}) at
 * one scrape, summed over the API's routes: cumulative counts by upper bound, as
 * Prometheus exposes them. The difference of two readings a second apart is that second's
 * latency distribution, and a quantile of it is interpolated linearly within the bucket
 * it falls in, as Prometheus's {@code histogram_quantile} does; so a per-second p99 is
 * only as fine as the buckets (Micrometer's, between the services' minimum and maximum
 * expected values, each a few tens of percent wider than the one below). A service
 * without the histogram (a control, a service that answered nothing yet) has no buckets,
 * and its quantiles are {@code NaN}.
 *
 * @param buckets by increasing upper bound, the last one {@code +Inf}
 */
public record LatencyHistogram(List<Bucket> buckets) {

	static final LatencyHistogram NONE = new LatencyHistogram(List.of());

	private static final String BUCKETS = "http_server_requests_seconds_bucket";

	public LatencyHistogram {
		buckets = List.copyOf(buckets);
	}

	/**
	 * Read the API's histogram from a scrape; the management port's own requests (the
	 * scrapes) are left out, as everywhere in the sampler.
	 * @param scrape the scrape
	 * @return the histogram, {@link #NONE} if the scrape has none
	 */
	static LatencyHistogram of(PrometheusScrape scrape) {
		Map<Double, Double> counts = new TreeMap<>();
		for (Sample sample : scrape.named(BUCKETS)) {
			String bound = sample.labels().get("le");
			if (bound == null || sample.labels().getOrDefault("uri", "").startsWith("/actuator")) {
				continue;
			}
			counts.merge(upperBound(bound), sample.value(), Double::sum);
		}
		List<Bucket> buckets = new ArrayList<>(counts.size());
		counts.forEach((upper, count) -> buckets.add(new Bucket(upper, count)));
		return new LatencyHistogram(buckets);
	}

	private static double upperBound(String le) {
		return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
	}

	/**
	 * Return what was recorded since an earlier reading of the same histogram.
	 * @param earlier the earlier reading
	 * @return the increase of every bucket; {@link #NONE} if either reading has no
	 * buckets or their bounds differ (a restart in between, or another meter)
	 */
	public LatencyHistogram since(LatencyHistogram earlier) {
		if (this.buckets.isEmpty() || this.buckets.size() != earlier.buckets.size()) {
			return NONE;
		}
		List<Bucket> increase = new ArrayList<>(this.buckets.size());
		for (int i = 0; i < this.buckets.size(); i++) {
			Bucket now = this.buckets.get(i);
			Bucket before = earlier.buckets.get(i);
			if (now.upperBound() != before.upperBound()) {
				return NONE;
			}
			increase.add(new Bucket(now.upperBound(), Math.max(0, now.count() - before.count())));
		}
		return new LatencyHistogram(increase);
	}

	/**
	 * Return a quantile of the recorded latencies.
	 * @param quantile e.g. {@code 0.99}
	 * @return milliseconds, interpolated within the bucket the quantile falls in; the
	 * highest finite bound if it falls in the {@code +Inf} bucket; {@code NaN} if nothing
	 * was recorded
	 */
	public double quantileMillis(double quantile) {
		if (this.buckets.isEmpty() || this.buckets.getLast().count() <= 0) {
			return Double.NaN;
		}
		double rank = quantile * this.buckets.getLast().count();
		double lowerBound = 0;
		double lowerCount = 0;
		for (Bucket bucket : this.buckets) {
			if (bucket.count() >= rank && bucket.count() > lowerCount) {
				if (Double.isInfinite(bucket.upperBound())) {
					return lowerBound * 1000;
				}
				double within = (rank - lowerCount) / (bucket.count() - lowerCount);
				return (lowerBound + (bucket.upperBound() - lowerBound) * within) * 1000;
			}
			lowerBound = bucket.upperBound();
			lowerCount = bucket.count();
		}
		return lowerBound * 1000;
	}

	/**
	 * One cumulative bucket.
	 *
	 * @param upperBound seconds ({@code le}), {@code +Inf} for the last
	 * @param count requests that took at most that long
	 */
	public record Bucket(double upperBound, double count) {

	}

}
