package dev.iomodels.comparison.results;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import dev.iomodels.comparison.Contender;
import dev.iomodels.comparison.Environment;
import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.Workload;

/**
 * The outcome of a comparison: every step of every scenario for every service, and the
 * environment they were measured in. Everything the report files are made from.
 *
 * @param environment where and how it was measured
 * @param scenarios the scenarios, in run order
 * @param services the services' short names, in report order
 * @param results one result per scenario, service and step
 * @param controls with {@code --controls}, one result per scenario, control app and step,
 * named after their service ({@code classic-control})
 * @param crossChecks with {@code --cross-check}, the steps measured again by the other
 * load generator, right after the first, on the same running service
 */
public record ComparisonReport(Environment environment, List<Scenario> scenarios, List<String> services,
		List<StepResult> results, List<StepResult> controls, List<StepResult> crossChecks) {

	/** More CPU than this taken by other processes during a step is worth a warning. */
	private static final double NOISY_CORES = 0.25;

	public ComparisonReport {
		scenarios = List.copyOf(scenarios);
		services = List.copyOf(services);
		results = List.copyOf(results);
		controls = List.copyOf(controls);
		crossChecks = List.copyOf(crossChecks);
	}

	/**
	 * A comparison without controls or cross-checks.
	 * @param environment where and how it was measured
	 * @param scenarios the scenarios, in run order
	 * @param services the services' short names, in report order
	 * @param results one result per scenario, service and step
	 */
	public ComparisonReport(Environment environment, List<Scenario> scenarios, List<String> services,
			List<StepResult> results) {
		this(environment, scenarios, services, results, List.of(), List.of());
	}

	/**
	 * Find the control app's result beside a service's.
	 * @param scenario the scenario
	 * @param service the service's short name
	 * @param users the step
	 * @return the result of the control of the service's model, if it ran
	 */
	public Optional<StepResult> control(Scenario scenario, String service, int users) {
		return find(this.controls, scenario, Contender.controlLabel(service), users);
	}

	/**
	 * Find the other load generator's result of a step.
	 * @param scenario the scenario
	 * @param service the service's short name
	 * @param users the step
	 * @return the cross-check's result, if the step was cross-checked
	 */
	public Optional<StepResult> crossCheck(Scenario scenario, String service, int users) {
		return find(this.crossChecks, scenario, service, users);
	}

	/**
	 * Return the load generator that measured a scenario's steps.
	 * @param scenario the scenario
	 * @return {@code wrk} for the GET sweeps of a comparison run with
	 * {@code --load-generator wrk}, else {@code gatling}
	 */
	public String loadGenerator(Scenario scenario) {
		return ("wrk".equals(this.environment.settings().get("loadGenerator"))
				&& scenario.workload() == Workload.CONCURRENCY_SWEEP) ? "wrk" : "gatling";
	}

	/**
	 * Return the load generator that measured a scenario's steps again with
	 * {@code --cross-check}.
	 * @param scenario the scenario
	 * @return the other one
	 */
	public String crossCheckGenerator(Scenario scenario) {
		return loadGenerator(scenario).equals("wrk") ? "gatling" : "wrk";
	}

	private static Optional<StepResult> find(List<StepResult> results, Scenario scenario, String service, int users) {
		return results.stream()
			.filter((result) -> result.scenario().equals(scenario.id()) && result.service().equals(service)
					&& result.users() == users)
			.findFirst();
	}

	/**
	 * Find one result.
	 * @param scenario the scenario
	 * @param service the service's short name
	 * @param users the step
	 * @return the result, if that step was run
	 */
	public Optional<StepResult> result(Scenario scenario, String service, int users) {
		return find(this.results, scenario, service, users);
	}

	/**
	 * Return the results of one step of a scenario, one per service that ran it.
	 * @param scenario the scenario
	 * @param users the step
	 * @return the results, in service order
	 */
	public List<StepResult> step(Scenario scenario, int users) {
		return this.services.stream().flatMap((service) -> result(scenario, service, users).stream()).toList();
	}

	/**
	 * Return the size of the classic service's platform pool in a scenario, as the
	 * service reported it: the limit Little's law applies to.
	 * @param scenario the scenario
	 * @return the pool size, if classic ran and reported it
	 */
	public OptionalInt classicPoolSize(Scenario scenario) {
		// The default transport's run if there is one, else any run of classic.
		Map<String, Object> info = this.environment.serviceInfo().get(scenario.id() + "/classic");
		if (info == null) {
			info = this.environment.serviceInfo()
				.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().startsWith(scenario.id() + "/classic/"))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
		}
		if (info != null && info.get("server") instanceof Map<?, ?> server
				&& server.get("workerThreads") instanceof Number threads) {
			return OptionalInt.of(threads.intValue());
		}
		return OptionalInt.empty();
	}

	/**
	 * Return whether the services called a storage node (the remote backend), whose CPU
	 * is then reported beside the load generator's.
	 * @return whether any step measured a storage node
	 */
	public boolean storageNode() {
		return this.results.stream().anyMatch((result) -> !Double.isNaN(result.metrics().storageCores()));
	}

	/**
	 * Return the most CPU that processes other than the service and the load generator
	 * used during any step: anything else busy on the machine skews every figure.
	 * @return cores, {@code NaN} if not measured
	 */
	public double mostOtherCores() {
		return this.results.stream()
			.mapToDouble((result) -> result.metrics().otherCores())
			.filter((cores) -> !Double.isNaN(cores))
			.max()
			.orElse(Double.NaN);
	}

	/**
	 * Say how quiet the machine was, in one sentence for the report's header.
	 * @return e.g. {@code Other processes used at most 0.03 cores during any step.}
	 */
	public String quietness() {
		double most = mostOtherCores();
		if (Double.isNaN(most)) {
			return "The CPU of other processes on the machine could not be measured.";
		}
		String figure = Format.number2(most);
		return (most > NOISY_CORES)
				? "Warning: other processes used up to " + figure + " cores during a step, which skews the figures;"
						+ " run again on an idle machine."
				: "Other processes used at most " + figure + " cores during any step.";
	}

}
