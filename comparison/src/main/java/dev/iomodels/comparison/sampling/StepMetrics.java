package dev.iomodels.comparison.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What a service did during one step, derived from the samples taken every second: peaks
 * of the gauges, increases of the counters over the window, and CPU use while the load
 * was on. {@code NaN} marks a figure the service does not expose.
 *
 * @param samples how many samples the window holds
 * @param windowSeconds from the first to the last sample
 * @param loadedSeconds the part of the window in which the service answered requests; the
 * rest is the load generator starting up and writing its report
 * @param cpuCores CPU the service used while loaded, in cores (1.5 = one and a half cores
 * busy)
 * @param cpuMillisPerRequest CPU time per request answered, over the whole window
 * @param loadGeneratorCores CPU the load generator (Gatling) used while the service was
 * loaded, in cores: it shares the machine with the service
 * @param storageCores CPU the storage node used while the service was loaded, in cores,
 * on the remote backend ({@code NaN} on the others): like the load generator, it shares
 * the machine with the service
 * @param otherCores CPU every other process used meanwhile, in cores: what the machine
 * was busy with besides the service, the load generator and the storage node, which
 * should be close to zero
 * @param rssMaxBytes highest resident set size
 * @param heapMaxBytes highest heap use
 * @param nonHeapMaxBytes highest non-heap use
 * @param platformThreadsMax most live platform threads
 * @param osThreadsMax most threads of the process as the kernel counts them
 * @param virtualThreadsMax most virtual threads
 * @param inFlightMax most requests in progress at one moment
 * @param requestsServed requests the service answered in the window
 * @param gcPauses collector pauses in the window
 * @param gcPauseMillis time spent in those pauses
 * @param allocatedBytes heap allocated in the window
 * @param compilationMillis time the JIT compilers spent compiling in the window, summed
 * over the compiler threads: a step measured while the JIT is still busy measures the
 * warm-up, not the steady state ({@link #jitBusy()})
 */
public record StepMetrics(int samples, double windowSeconds, double loadedSeconds, double cpuCores,
		double cpuMillisPerRequest, double loadGeneratorCores, double storageCores, double otherCores,
		double rssMaxBytes, double heapMaxBytes, double nonHeapMaxBytes, double platformThreadsMax, double osThreadsMax,
		double virtualThreadsMax, double inFlightMax, double requestsServed, double gcPauses, double gcPauseMillis,
		double allocatedBytes, double compilationMillis) {

	/**
	 * The share of the loaded time the JIT may still spend compiling for a step to count
	 * as measured warm: 5 %, a twentieth of one compiler thread's time. A cold service
	 * keeps both compiler threads busy (about 200 %); a warm one compiles about 1 % of
	 * the time, the odd method that just crossed a threshold.
	 */
	static final double JIT_BUSY_SHARE = 0.05;

	/** Figures for a step of which nothing could be sampled. */
	public static final StepMetrics NONE = of(List.of());

	/**
	 * Derive a step's figures from the samples taken while its load ran: the gauges'
	 * peaks from those inside the window, the counters' increases from the last sample
	 * before it to the last inside it.
	 * @param samples every sample of the step, in time order
	 * @param window when the load ran
	 * @return the step's figures; from every sample if fewer than two fall in the window
	 */
	public static StepMetrics of(List<MetricSample> samples, LoadWindow window) {
		List<MetricSample> inside = new ArrayList<>();
		MetricSample baseline = null;
		for (MetricSample sample : samples) {
			if (sample.seconds() < window.fromSeconds()) {
				baseline = sample;
			}
			else if (window.contains(sample.seconds())) {
				inside.add(sample);
			}
		}
		List<MetricSample> counted = new ArrayList<>(inside);
		if (baseline != null) {
			counted.addFirst(baseline);
		}
		return (counted.size() >= 2 && !inside.isEmpty()) ? of(counted, inside) : of(samples);
	}

	/**
	 * Derive a step's figures from its samples.
	 * @param samples the samples in time order, the first taken before the load started
	 * and the last after it ended
	 * @return the step's figures
	 */
	public static StepMetrics of(List<MetricSample> samples) {
		return of(samples, samples);
	}

	/**
	 * Derive a step's figures: counters from one list, gauges from another, since the
	 * counters' baseline before the window is no reading of the load.
	 */
	private static StepMetrics of(List<MetricSample> samples, List<MetricSample> gaugeSamples) {
		double loadedSeconds = 0;
		double loadedCpuSeconds = 0;
		double loadedLoadGeneratorSeconds = 0;
		double loadedMachineSeconds = 0;
		double loadedStorageSeconds = 0;
		// A process that does not count its requests (a control app has no metrics on its
		// API) is taken as loaded over the whole window.
		boolean countsRequests = samples.stream().anyMatch((sample) -> !Double.isNaN(sample.requestsServed()));
		for (int i = 1; i < samples.size(); i++) {
			MetricSample earlier = samples.get(i - 1);
			MetricSample later = samples.get(i);
			// An interval counts as loaded when the service answered requests in it; CPU
			// over the whole window would be diluted by the load generator's start and
			// report, during which the service idles.
			if (!countsRequests || CounterIncrease.between(earlier.requestsServed(), later.requestsServed()) > 0) {
				loadedSeconds += later.seconds() - earlier.seconds();
				loadedCpuSeconds += CounterIncrease.between(earlier.cpuSeconds(), later.cpuSeconds());
				loadedLoadGeneratorSeconds += CounterIncrease.between(earlier.loadGeneratorCpuSeconds(),
						later.loadGeneratorCpuSeconds());
				loadedMachineSeconds += CounterIncrease.between(earlier.machineBusySeconds(),
						later.machineBusySeconds());
				loadedStorageSeconds += CounterIncrease.between(earlier.storageCpuSeconds(), later.storageCpuSeconds());
			}
		}
		double windowSeconds = samples.isEmpty() ? 0 : samples.getLast().seconds() - samples.getFirst().seconds();
		double requests = increase(samples, MetricSample::requestsServed);
		double cpuSeconds = increase(samples, MetricSample::cpuSeconds);
		// No storage node (NaN) takes nothing from what the other processes used.
		double storageSeconds = Double.isNaN(loadedStorageSeconds) ? 0 : loadedStorageSeconds;
		return new StepMetrics(samples.size(), windowSeconds, loadedSeconds,
				(loadedSeconds > 0) ? loadedCpuSeconds / loadedSeconds : Double.NaN,
				(requests > 0) ? cpuSeconds * 1000 / requests : Double.NaN,
				(loadedSeconds > 0) ? loadedLoadGeneratorSeconds / loadedSeconds : Double.NaN,
				(loadedSeconds > 0) ? loadedStorageSeconds / loadedSeconds : Double.NaN,
				(loadedSeconds > 0)
						? (loadedMachineSeconds - loadedCpuSeconds - loadedLoadGeneratorSeconds - storageSeconds)
								/ loadedSeconds
						: Double.NaN,
				max(gaugeSamples, MetricSample::rssBytes), max(gaugeSamples, MetricSample::heapUsedBytes),
				max(gaugeSamples, MetricSample::nonHeapUsedBytes), max(gaugeSamples, MetricSample::platformThreads),
				max(gaugeSamples, MetricSample::osThreads), max(gaugeSamples, MetricSample::virtualThreads),
				max(gaugeSamples, MetricSample::inFlightRequests), requests, increase(samples, MetricSample::gcPauses),
				increase(samples, MetricSample::gcPauseSeconds) * 1000, increase(samples, MetricSample::allocatedBytes),
				increase(samples, MetricSample::compilationMillis));
	}

	/**
	 * Return whether the JIT compilers were still busy during the step: more than
	 * {@link #JIT_BUSY_SHARE} of the loaded time spent compiling.
	 * @return whether the step was measured while the service was still warming up
	 */
	public boolean jitBusy() {
		return jitShare() > JIT_BUSY_SHARE;
	}

	/**
	 * Return the share of the window the JIT compilers spent compiling.
	 * @return from 0 up (two busy compiler threads make 2); {@code NaN} if not measured
	 */
	public double jitShare() {
		double seconds = (this.loadedSeconds > 0) ? this.loadedSeconds : this.windowSeconds;
		return (seconds > 0) ? this.compilationMillis / 1000 / seconds : Double.NaN;
	}

	private static double increase(List<MetricSample> samples, ToDoubleFunction<MetricSample> counter) {
		return CounterIncrease.over(samples.stream().map(counter::applyAsDouble).toList());
	}

	private static double max(List<MetricSample> samples, ToDoubleFunction<MetricSample> gauge) {
		return samples.stream().mapToDouble(gauge).filter((value) -> !Double.isNaN(value)).max().orElse(Double.NaN);
	}

}
