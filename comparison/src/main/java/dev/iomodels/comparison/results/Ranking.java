package dev.iomodels.comparison.results;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The services in order of one metric at one step. A run with failed requests ranks after
 * every clean run, however good its figure: answering fast with errors is not serving.
 * Failed runs rank among themselves by success rate first, then by the metric.
 *
 * @param metric the metric
 * @param order the results, best first
 */
public record Ranking(Metric metric, List<StepResult> order) {

	public Ranking {
		order = List.copyOf(order);
	}

	/**
	 * Rank results of the same scenario and step.
	 * @param metric the metric to rank by
	 * @param results one result per service
	 * @param serviceOrder the report's order of services, which breaks ties
	 * @return the ranking
	 */
	public static Ranking of(Metric metric, Collection<StepResult> results, List<String> serviceOrder) {
		Comparator<StepResult> byMetric = Comparator.comparingDouble((result) -> sortKey(metric, result));
		Comparator<StepResult> order = Comparator.comparing(StepResult::hasErrors)
			.thenComparing((a, b) -> a.hasErrors() ? Double.compare(b.load().successRate(), a.load().successRate()) : 0)
			.thenComparing(byMetric)
			.thenComparingInt((result) -> serviceOrder.indexOf(result.service()));
		return new Ranking(metric, results.stream().sorted(order).toList());
	}

	/**
	 * Return the winner.
	 * @return the best result, if any
	 */
	public Optional<StepResult> best() {
		return this.order.stream().findFirst();
	}

	/**
	 * Return the second.
	 * @return the runner-up, if there are at least two results
	 */
	public Optional<StepResult> runnerUp() {
		return this.order.stream().skip(1).findFirst();
	}

	/**
	 * Return whether the best and the runner-up have the same figure, both without
	 * errors: then the order between them is only the report's order of services.
	 * @return whether the top is a tie
	 */
	public boolean tied() {
		if (this.order.size() < 2 || this.order.get(0).hasErrors() || this.order.get(1).hasErrors()) {
			return false;
		}
		return Double.compare(this.metric.valueOf(this.order.get(0)), this.metric.valueOf(this.order.get(1))) == 0;
	}

	/**
	 * Return whether the best is clearly ahead of the runner-up. With repeated runs, the
	 * ranges of the two (smallest to largest over the runs) must not overlap; a single
	 * run has a range of one point, so only an exact tie is unclear. A clean run is
	 * always clearly ahead of one with failed requests.
	 * @return whether the ranking names a winner
	 */
	public boolean clear() {
		if (this.order.size() < 2) {
			return true;
		}
		StepResult best = this.order.get(0);
		StepResult second = this.order.get(1);
		if (best.hasErrors() || second.hasErrors()) {
			return !tied();
		}
		return !best.spread(this.metric).overlaps(second.spread(this.metric));
	}

	// Smaller sorts first; an unmeasured value sorts after every measured one.
	private static double sortKey(Metric metric, StepResult result) {
		double value = metric.valueOf(result);
		if (Double.isNaN(value)) {
			return Double.POSITIVE_INFINITY;
		}
		return metric.higherIsBetter() ? -value : value;
	}

}
