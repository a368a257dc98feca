package dev.iomodels.comparison;

import java.util.List;
import java.util.Optional;

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
 */
public record StepResult(String scenario, String service, int users, LoadStats load, StepMetrics metrics,
		List<MetricSample> samples, LoadWindow loadWindow, Optional<String> gatlingReport, Optional<String> failure) {

	/** Load figures of a step that did not run: nothing sent, nothing answered. */
	static final LoadStats NOTHING_SENT = new LoadStats(0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
			Double.NaN, 0);

	public StepResult {
		samples = List.copyOf(samples);
	}

	/**
	 * Return the result of a step that failed before it could be measured.
	 * @param scenario the scenario's id
	 * @param service the service's short name
	 * @param users the step's users
	 * @param failure what went wrong
	 * @return a result that ranks last everywhere
	 */
	static StepResult failed(String scenario, String service, int users, String failure) {
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
