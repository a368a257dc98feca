package dev.iomodels.comparison;

/**
 * What the load generator saw during one step: how many requests succeeded or failed, the
 * throughput, and the response-time distribution.
 *
 * @param requestsOk requests answered as the simulation expected
 * @param requestsKo requests that failed: an unexpected status, a timeout, a refused
 * connection
 * @param requestsPerSecond throughput over the step: the requests answered during the
 * load divided by its duration
 * @param minMillis fastest response
 * @param p50Millis median response time
 * @param p90Millis 90th percentile
 * @param p99Millis 99th percentile
 * @param maxMillis slowest response
 * @param gatlingRequestsPerSecond Gatling's own "mean throughput", which divides by every
 * second the run touched, the one in which the last responses came back included: for a
 * 10 s step it divides by 11, and it would put every service about a tenth below the
 * ideal of Little's law
 */
public record LoadStats(long requestsOk, long requestsKo, double requestsPerSecond, double minMillis, double p50Millis,
		double p90Millis, double p99Millis, double maxMillis, double gatlingRequestsPerSecond) {

	/**
	 * Return every request sent, successful or not.
	 * @return ok plus ko
	 */
	public long requests() {
		return this.requestsOk + this.requestsKo;
	}

	/**
	 * Return the share of requests that succeeded.
	 * @return from 0 to 1; 0 when nothing was sent, since a step that sent nothing failed
	 */
	public double successRate() {
		long requests = requests();
		return (requests == 0) ? 0 : (double) this.requestsOk / requests;
	}

	/**
	 * Return whether any request failed or none was sent at all.
	 * @return whether this run had errors
	 */
	public boolean hasErrors() {
		return this.requestsKo > 0 || requests() == 0;
	}

	/**
	 * Return the throughput of successful requests only, the figure that is ranked: a
	 * service that answers fast with errors has not served anyone.
	 * @return successful requests per second
	 */
	public double successfulRequestsPerSecond() {
		return this.requestsPerSecond * successRate();
	}

}
