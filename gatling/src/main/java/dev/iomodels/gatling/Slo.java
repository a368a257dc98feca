package dev.iomodels.gatling;

import java.util.List;

import io.gatling.javaapi.core.Assertion;

import static io.gatling.javaapi.core.CoreDsl.global;

/**
 * A service-level objective: the 99th percentile of response times and the share of
 * failed requests a run may have. Gatling checks it at the end of the run; a breach fails
 * the run (exit code 2, the Maven build fails) and is listed in the report.
 *
 * @param p99Millis the most the 99th percentile may be, in milliseconds
 * @param maxErrorPercent the most failed requests may be, in percent of all requests
 */
public record Slo(int p99Millis, double maxErrorPercent) {

	public List<Assertion> assertions() {
		return List.of(latencyAssertion(), errorAssertion());
	}

	public Assertion latencyAssertion() {
		return global().responseTime().percentile(99.0).lte(this.p99Millis);
	}

	public Assertion errorAssertion() {
		return global().failedRequests().percent().lte(this.maxErrorPercent);
	}

}
