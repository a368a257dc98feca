package dev.iomodels.comparison.results;

import java.util.List;
import java.util.Optional;

import dev.iomodels.comparison.LoadStats;
import dev.iomodels.comparison.sampling.LoadWindow;
import dev.iomodels.comparison.sampling.MetricSample;
import dev.iomodels.comparison.sampling.StepMetrics;

/**
 * One service at one concurrency step of one scenario: what the load generator saw and
 * what the service did.
 *
 * @param scenario the scenario's id
 * @param service the service's short name
 * @param users the concurrent users of the step
 * @param load the load generator's figures
 * @param metrics the service's figures over the step's window
 * @param samples every sample of the step
 * @param loadWindow the part of the samples in which the measured load ran, which the
 * figures come from
 * @param gatlingReport the Gatling HTML report's directory, relative to the results
 * directory; empty if the run wrote none
 * @param failure why the step could not be run or measured, if it could not
 * @param repetitions with {@code --repeat}, every run of the step that this result sums
 * up (its figures are their medians, {@link Repetitions}); empty for a single run
 */
public record StepResult(String scenario, String service, int users, LoadStats load, StepMetrics metrics,
		List<MetricSample> samples, LoadWindow loadWindow, Optional<String> gatlingReport, Optional<String> failure,
		List<StepResult> repetitions) {

	/** Load figures of a step that did not run: nothing sent, nothing answered. */
	public static final LoadStats NOTHING_SENT = new LoadStats(0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
			Double.NaN, 0);

	public StepResult {
		samples = List.copyOf(samples);
		repetitions = List.copyOf(repetitions);
	}

	/**
	 * One run of a step.
	 * @param scenario the scenario's id
	 * @param service the service's short name
	 * @param users the concurrent users of the step
	 * @param load the load generator's figures
	 * @param metrics the service's figures over the step's window
	 * @param samples every sample of the step
	 * @param loadWindow when the measured load ran
	 * @param gatlingReport the load generator's report directory, if any
	 * @param failure why the step failed, if it did
	 */
	public StepResult(String scenario, String service, int users, LoadStats load, StepMetrics metrics,
			List<MetricSample> samples, LoadWindow loadWindow, Optional<String> gatlingReport,
			Optional<String> failure) {
		this(scenario, service, users, load, metrics, samples, loadWindow, gatlingReport, failure, List.of());
	}

	/**
	 * Return every run this result stands for: its repetitions, or itself.
	 * @return one or more runs
	 */
	public List<StepResult> runs() {
		return this.repetitions.isEmpty() ? List.of(this) : this.repetitions;
	}

	/**
	 * Return the smallest and the largest value of a metric over the runs.
	 * @param metric the metric
	 * @return the range; a single point for a single run
	 */
	public Spread spread(Metric metric) {
		return Spread.of(runs().stream().mapToDouble(metric::valueOf).toArray());
	}

	/**
	 * Return the result of a step that failed before it could be measured.
	 * @param scenario the scenario's id
	 * @param service the service's short name
	 * @param users the step's users
	 * @param failure what went wrong
	 * @return a result that ranks last everywhere
	 */
	public static StepResult failed(String scenario, String service, int users, String failure) {
		return new StepResult(scenario, service, users, NOTHING_SENT, StepMetrics.NONE, List.of(),
				LoadWindow.WHOLE_STEP, Optional.empty(), Optional.of(failure));
	}

	/**
	 * Return whether this run failed or had failed requests; such runs rank last.
	 * @return whether anything went wrong
	 */
	public boolean hasErrors() {
		return this.failure.isPresent() || this.load.hasErrors();
	}

}
