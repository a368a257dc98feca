package dev.iomodels.comparison.results;

import dev.iomodels.comparison.sampling.MetricSample;

/**
 * One line of {@code samples.csv}: a sample as taken, with the step it belongs to, for
 * anyone who wants to check a peak or a delta against the raw readings. Counters are
 * cumulative here, as the service exposed them.
 *
 * @param scenario the scenario's id
 * @param service the service's short name
 * @param users the step
 * @param seconds seconds since the step's first sample
 * @param heapUsedBytes heap in use
 * @param nonHeapUsedBytes non-heap in use
 * @param platformThreads live platform threads
 * @param virtualThreads virtual threads
 * @param osThreads threads of the process (kernel)
 * @param rssBytes resident set size
 * @param inFlightRequests requests in progress
 * @param cpuSeconds counter: CPU time used
 * @param machineBusySeconds counter: CPU time of every process on the machine
 * @param loadGeneratorCpuSeconds counter: CPU time of the load generator
 * @param storageCpuSeconds counter: CPU time of the storage node (remote backend only)
 * @param requestsServed counter: requests answered
 * @param gcPauses counter: collector pauses
 * @param gcPauseSeconds counter: time in pauses
 * @param allocatedBytes counter: heap allocated
 * @param compilationMillis counter: JIT compilation time
 * @param inLoadWindow whether the sample was taken while the measured load ran; the
 * step's figures come from these and the last sample before them
 */
public record SampleRow(String scenario, String service, int users, double seconds, double heapUsedBytes,
		double nonHeapUsedBytes, double platformThreads, double virtualThreads, double osThreads, double rssBytes,
		double inFlightRequests, double cpuSeconds, double machineBusySeconds, double loadGeneratorCpuSeconds,
		double storageCpuSeconds, double requestsServed, double gcPauses, double gcPauseSeconds, double allocatedBytes,
		double compilationMillis, boolean inLoadWindow) {

	public static SampleRow of(StepResult result, MetricSample sample) {
		return new SampleRow(result.scenario(), result.service(), result.users(), sample.seconds(),
				sample.heapUsedBytes(), sample.nonHeapUsedBytes(), sample.platformThreads(), sample.virtualThreads(),
				sample.osThreads(), sample.rssBytes(), sample.inFlightRequests(), sample.cpuSeconds(),
				sample.machineBusySeconds(), sample.loadGeneratorCpuSeconds(), sample.storageCpuSeconds(),
				sample.requestsServed(), sample.gcPauses(), sample.gcPauseSeconds(), sample.allocatedBytes(),
				sample.compilationMillis(), result.loadWindow().contains(sample.seconds()));
	}

}
