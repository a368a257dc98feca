package dev.iomodels.comparison.results;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What the API costs a model: a service's figures over those of the control app of its
 * model (the same stack answering constant bytes, no filters, no store) in the same
 * scenario and step. A throughput ratio of 1 means the API costs nothing measurable; 0.5
 * means it halves what the model could serve.
 *
 * @param throughputRatio the service's throughput ÷ the control's (medians)
 * @param p99Ratio the service's p99 ÷ the control's (medians)
 * @param throughputRange the range of the ratio over the repeated runs, each service run
 * paired with the control run that followed it; empty for a single run
 */
public record Overhead(double throughputRatio, double p99Ratio, Optional<Spread> throughputRange) {

	/**
	 * Relate a service's result to its control's.
	 * @param service the service's result
	 * @param control the control's result at the same step
	 * @return the ratios
	 */
	public static Overhead of(StepResult service, StepResult control) {
		List<StepResult> serviceRuns = service.runs();
		List<StepResult> controlRuns = control.runs();
		Optional<Spread> range = Optional.empty();
		if (serviceRuns.size() > 1 && serviceRuns.size() == controlRuns.size()) {
			range = Optional.of(Spread.of(IntStream.range(0, serviceRuns.size())
				.mapToDouble((round) -> ratio(serviceRuns.get(round).load().requestsPerSecond(),
						controlRuns.get(round).load().requestsPerSecond()))
				.toArray()));
		}
		return new Overhead(ratio(service.load().requestsPerSecond(), control.load().requestsPerSecond()),
				ratio(service.load().p99Millis(), control.load().p99Millis()), range);
	}

	private static double ratio(double value, double reference) {
		return (reference > 0) ? value / reference : Double.NaN;
	}

}
