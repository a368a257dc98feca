package dev.iomodels.comparison.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import dev.iomodels.comparison.LoadStats;
import dev.iomodels.comparison.sampling.StepMetrics;

/**
 * Sums up the repeated runs of a step ({@code --repeat N}): every figure becomes the
 * median of the runs, and the runs stay attached so that each figure's range can be shown
 * and compared ({@link StepResult#spread(Metric)}). The median, not the mean: one run
 * that lands on a busy second of the machine moves a mean, not a median.
 */
public final class Repetitions {

	private Repetitions() {
	}

	/**
	 * Group runs of the same step and sum each group up.
	 * @param runs every run, in the order they were made
	 * @return one result per scenario, service and step, in the order each was first run;
	 * a step run once is returned as it is
	 */
	public static List<StepResult> summarise(List<StepResult> runs) {
		Map<String, List<StepResult>> byStep = new LinkedHashMap<>();
		for (StepResult run : runs) {
			byStep
				.computeIfAbsent(run.scenario() + "\u0000" + run.service() + "\u0000" + run.users(),
						(key) -> new ArrayList<>())
				.add(run);
		}
		return byStep.values().stream().map(Repetitions::median).toList();
	}

	/**
	 * Sum up the runs of one step: the median of every figure, the counts of requests
	 * added up (so that the success rate is that of every request sent), and the samples,
	 * load window and report of the run whose throughput is the median.
	 * @param runs the runs of one step, at least one
	 * @return the summary; the run itself if there is only one
	 */
	public static StepResult median(List<StepResult> runs) {
		if (runs.size() == 1) {
			return runs.getFirst();
		}
		StepResult typical = runs.stream()
			.sorted(Comparator.comparingDouble((StepResult run) -> run.load().requestsPerSecond()))
			.toList()
			.get((runs.size() - 1) / 2);
		LoadStats load = new LoadStats(runs.stream().mapToLong((run) -> run.load().requestsOk()).sum(),
				runs.stream().mapToLong((run) -> run.load().requestsKo()).sum(),
				median(runs, (run) -> run.load().requestsPerSecond()), median(runs, (run) -> run.load().minMillis()),
				median(runs, (run) -> run.load().p50Millis()), median(runs, (run) -> run.load().p90Millis()),
				median(runs, (run) -> run.load().p99Millis()), median(runs, (run) -> run.load().maxMillis()),
				median(runs, (run) -> run.load().gatlingRequestsPerSecond()));
		StepMetrics metrics = new StepMetrics(typical.metrics().samples(),
				median(runs, (run) -> run.metrics().windowSeconds()),
				median(runs, (run) -> run.metrics().loadedSeconds()), median(runs, (run) -> run.metrics().cpuCores()),
				median(runs, (run) -> run.metrics().cpuMillisPerRequest()),
				median(runs, (run) -> run.metrics().loadGeneratorCores()),
				median(runs, (run) -> run.metrics().storageCores()), median(runs, (run) -> run.metrics().otherCores()),
				median(runs, (run) -> run.metrics().rssMaxBytes()), median(runs, (run) -> run.metrics().heapMaxBytes()),
				median(runs, (run) -> run.metrics().nonHeapMaxBytes()),
				median(runs, (run) -> run.metrics().platformThreadsMax()),
				median(runs, (run) -> run.metrics().osThreadsMax()),
				median(runs, (run) -> run.metrics().virtualThreadsMax()),
				median(runs, (run) -> run.metrics().inFlightMax()),
				median(runs, (run) -> run.metrics().requestsServed()), median(runs, (run) -> run.metrics().gcPauses()),
				median(runs, (run) -> run.metrics().gcPauseMillis()),
				median(runs, (run) -> run.metrics().allocatedBytes()),
				median(runs, (run) -> run.metrics().compilationMillis()));
		List<StepResult> failed = runs.stream().filter((run) -> run.failure().isPresent()).toList();
		Optional<String> failure = failed.isEmpty() ? Optional.empty() : Optional
			.of(failed.size() + " of " + runs.size() + " runs failed: " + failed.getFirst().failure().get());
		return new StepResult(typical.scenario(), typical.service(), typical.users(), load, metrics, typical.samples(),
				typical.loadWindow(), typical.gatlingReport(), failure, runs);
	}

	/**
	 * Return the median of a figure over runs, leaving out the runs that did not measure
	 * it; of an even number, the mean of the middle two.
	 * @param runs the runs
	 * @param figure the figure
	 * @return the median, {@code NaN} if no run measured it
	 */
	static double median(List<StepResult> runs, ToDoubleFunction<StepResult> figure) {
		return median(runs.stream().mapToDouble(figure).toArray());
	}

	/**
	 * Return the median of some values, leaving out {@code NaN}s.
	 * @param values the values
	 * @return the median, {@code NaN} if there is none
	 */
	static double median(double... values) {
		double[] sorted = Arrays.stream(values).filter((value) -> !Double.isNaN(value)).sorted().toArray();
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
