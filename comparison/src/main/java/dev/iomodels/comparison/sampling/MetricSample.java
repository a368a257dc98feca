package dev.iomodels.comparison.sampling;

/**
 * One reading of a running service, taken every second during a step: JVM-internal
 * figures from its Prometheus endpoint and operating-system figures from {@code /proc}. A
 * figure the service does not expose is {@code NaN}. Counters are cumulative, as exposed;
 * the step's figures are their increases over the window ({@link StepMetrics}).
 *
 * @param seconds seconds since the step's first sample
 * @param heapUsedBytes heap in use
 * @param nonHeapUsedBytes metaspace, code cache and the other non-heap pools
 * @param platformThreads live platform threads as the JVM counts them
 * @param virtualThreads virtual threads, from the service's virtual-thread gauge
 * @param osThreads threads of the process as the kernel counts them (includes GC and
 * compiler threads)
 * @param rssBytes resident set size of the process
 * @param inFlightRequests requests being served at that moment
 * @param cpuSeconds counter: CPU time the process has used
 * @param machineBusySeconds counter: CPU time of every process on the machine
 * @param loadGeneratorCpuSeconds counter: CPU time of the load generator's JVM
 * @param storageCpuSeconds counter: CPU time of the storage node the service calls on the
 * remote backend, {@code NaN} on the others
 * @param requestsServed counter: API requests the service has answered
 * @param gcPauses counter: stop-the-world collector pauses
 * @param gcPauseSeconds counter: time spent in those pauses
 * @param allocatedBytes counter: bytes allocated on the heap
 * @param compilationMillis counter: time the JIT compilers spent compiling, summed over
 * the compiler threads
 * @param latency cumulative: the service's request-latency histogram, whose increase
 * between two samples gives that interval's percentiles ({@link LatencyHistogram#NONE}
 * where the service has none)
 */
public record MetricSample(double seconds, double heapUsedBytes, double nonHeapUsedBytes, double platformThreads,
		double virtualThreads, double osThreads, double rssBytes, double inFlightRequests, double cpuSeconds,
		double machineBusySeconds, double loadGeneratorCpuSeconds, double storageCpuSeconds, double requestsServed,
		double gcPauses, double gcPauseSeconds, double allocatedBytes, double compilationMillis,
		LatencyHistogram latency) {

}
