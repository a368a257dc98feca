package dev.iomodels.gatling;

import java.time.Duration;
import java.util.List;

import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Concurrency sweep (closed model): steps of N requests always in flight (by default 50,
 * 200, 1,000, 2,000 and 5,000), each held for a step duration. Throughput against
 * concurrency shows the thread pool's knee: with an emulated latency L, classic stops
 * growing at 200 / L requests/s (2,000/s at 100 ms) while its latency grows with the
 * queue; loom and webflux keep growing until the CPU is the limit. Run one step at a time
 * ({@code -Dsteps=200}) to get one step's numbers from the report.
 */
public class ConcurrencySweepSimulation extends Simulation {

	private final LoadParameters parameters = LoadParameters.fromSystemProperties();

	private final List<Integer> steps = this.parameters.integers("steps", "50,200,1000,2000,5000");

	private final Duration stepDuration = this.parameters.duration("stepDuration", Duration.ofSeconds(30));

	private final double readRatio = this.parameters.percent("readRatio", 100);

	private final byte[] payload = StorageApi.payload(this.parameters.dataSize("payloadSize", "1KiB"));

	private final StorageApi api = new StorageApi(this.parameters.baseUrl(), "sweep",
			this.parameters.integer("keyspace", 1000));

	private final ScenarioBuilder sweep = scenario("Concurrency sweep")
		.exec(this.api.mixedOperation(this.readRatio, this.payload));

	public ConcurrencySweepSimulation() {
		List<ClosedInjectionStep> injection = this.steps.stream()
			.map((users) -> (ClosedInjectionStep) constantConcurrentUsers(users).during(this.stepDuration))
			.toList();
		setUp(this.sweep.injectClosed(injection)).protocols(this.api.protocol())
			.assertions(this.parameters.slo(Duration.ofSeconds(1)).assertions());
	}

	@Override
	public void before() {
		this.api.preload(List.of(this.payload));
	}

	@Override
	public void after() {
		this.api.cleanup();
	}

}
