package dev.iomodels.comparison.wall;

import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * One step of the wall scenario: a service holding so many requests in flight.
 *
 * @param service the service's short name
 * @param inFlight the requests the load generator kept in flight (one per connection)
 * @param heap the service's heap, in the JVM's notation
 * @param ok the requests answered successfully
 * @param errors the requests that failed (errors, timeouts, refused connections)
 * @param p50Millis the median response time
 * @param p99Millis the 99th percentile
 * @param meanMillis the mean response time
 * @param requestsPerSecond the successful answers per second over the run, ramp and drain
 * included
 * @param latencyMillis the storage latency of every request of the step
 * @param idle the memory of the same process before the step, after its warm-up; empty if
 * it could not be read
 * @param memory the memory at the peak; empty if it could not be read
 * @param failure why the step did not hold, if it did not
 */
public record WallStep(String service, int inFlight, String heap, long ok, long errors, double p50Millis,
		double p99Millis, double meanMillis, double requestsPerSecond, double latencyMillis,
		Optional<MemorySnapshot> idle, Optional<MemorySnapshot> memory, Optional<String> failure) {

	/**
	 * Return what one more request in flight costs, per 1,000: the growth from idle to
	 * the peak, divided by the requests in flight.
	 * @param measure the figure, e.g. the live heap
	 * @return bytes per 1,000 in flight; NaN if either snapshot is missing
	 */
	public double perThousand(ToLongFunction<MemorySnapshot> measure) {
		if (this.idle.isEmpty() || this.memory.isEmpty()) {
			return Double.NaN;
		}
		return (measure.applyAsLong(this.memory.get()) - measure.applyAsLong(this.idle.get())) * 1000.0 / this.inFlight;
	}

	/**
	 * Return whether every request succeeded and the service lived through the step.
	 * @return whether the step held
	 */
	public boolean held() {
		return this.failure.isEmpty() && this.errors == 0 && this.ok > 0;
	}

	/**
	 * Return a step that could not be run or measured.
	 * @param service the service
	 * @param inFlight the requests in flight it was to hold
	 * @param heap its heap
	 * @param why what went wrong
	 * @return the failed step
	 */
	public static WallStep failed(String service, int inFlight, String heap, String why) {
		return new WallStep(service, inFlight, heap, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
				Optional.empty(), Optional.empty(), Optional.of(why));
	}

}
