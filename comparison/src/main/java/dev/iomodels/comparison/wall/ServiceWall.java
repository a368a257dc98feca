package dev.iomodels.comparison.wall;

import java.util.List;
import java.util.Optional;

/**
 * Everything the wall scenario found about one service.
 *
 * @param service the service's short name
 * @param model its I/O model ({@code platform-threads}, {@code virtual-threads},
 * {@code event-loop})
 * @param workerThreads the most requests its handlers run at once, for a pool; empty for
 * virtual threads and the event loop, which have no such bound
 * @param steps the steps, ascending
 * @param smallestHeap the smallest heap that held the searched in-flight count; empty if
 * not searched or none held
 * @param heapTrials every heap tried in that search and whether it held, in order
 */
public record ServiceWall(String service, String model, Optional<Integer> workerThreads, List<WallStep> steps,
		Optional<String> smallestHeap, List<HeapTrial> heapTrials) {

	public ServiceWall {
		steps = List.copyOf(steps);
		heapTrials = List.copyOf(heapTrials);
	}

	/**
	 * One heap tried in the search for the smallest.
	 *
	 * @param heap the heap, in the JVM's notation
	 * @param inFlight the requests in flight it had to hold
	 * @param held whether every request succeeded
	 * @param outcome what happened, in a few words
	 */
	public record HeapTrial(String heap, int inFlight, boolean held, String outcome) {
	}

	/**
	 * Return what Little's law predicts for a step: a pool of {@code workerThreads} runs
	 * that many at a time, each for the latency, so it answers {@code threads / latency}
	 * per second and a closed crowd of {@code inFlight} waits {@code inFlight /
	 * throughput}; without a pool every request is served at once and waits the latency.
	 * @param inFlight the requests in flight
	 * @param latencySeconds the storage latency
	 * @return predicted throughput (per second) and mean response time (seconds)
	 */
	public double[] littlesLaw(int inFlight, double latencySeconds) {
		int running = this.workerThreads.map((threads) -> Math.min(threads, inFlight)).orElse(inFlight);
		double throughput = running / latencySeconds;
		return new double[] { throughput, inFlight / throughput };
	}

}
