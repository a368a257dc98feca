package dev.iomodels.gatling;

import java.time.Duration;
import java.util.List;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGenerator;

/**
 * Arrival-rate ramp (open model): new requests arrive at a rate that grows from
 * {@code rate} to {@code maxRate} requests/s, whether or not earlier ones have been
 * answered, until the objective breaks ({@code sloP99Ms} or {@code maxErrorPercent} over
 * a one-second window, three windows in a row). The run then stops and prints the rate at
 * which it broke: the service's sustainable throughput. Only the error share is asserted
 * over the whole run; the p99 objective is what ends it.
 */
public class ArrivalRateRampSimulation extends Simulation {

	private final LoadParameters parameters = LoadParameters.fromSystemProperties();

	private final double rate = this.parameters.integer("rate", 10);

	private final double maxRate = this.parameters.integer("maxRate", 5000);

	private final Duration duration = this.parameters.duration("duration", Duration.ofSeconds(120));

	private final double readRatio = this.parameters.percent("readRatio", 100);

	private final byte[] payload = StorageApi.payload(this.parameters.dataSize("payloadSize", "1KiB"));

	private final Slo slo = this.parameters.slo(Duration.ofMillis(500));

	private final StorageApi api = new StorageApi(this.parameters.baseUrl(), "ramp",
			this.parameters.integer("keyspace", 1000));

	private final SloWatch watch = new SloWatch(this.slo, (second) -> this.rate
			+ (this.maxRate - this.rate) * Math.min(1.0, second / (double) this.duration.toSeconds()));

	private final ScenarioBuilder ramp = scenario("Arrival-rate ramp")
		.exec((session) -> session.set("start", System.nanoTime()))
		.exec(this.api.mixedOperation(this.readRatio, this.payload))
		.exec((session) -> {
			this.watch.record(session.getLong("start"), System.nanoTime(), session.isFailed());
			return session;
		})
		.doIf((session) -> this.watch.verdict() != null)
		.then(exec(stopLoadGenerator((session) -> this.watch.verdict())));

	public ArrivalRateRampSimulation() {
		setUp(this.ramp.injectOpen(rampUsersPerSec(this.rate).to(this.maxRate).during(this.duration)))
			.protocols(this.api.protocol())
			.assertions(this.slo.errorAssertion());
	}

	@Override
	public void before() {
		this.api.preload(List.of(this.payload));
	}

	@Override
	public void after() {
		String verdict = this.watch.verdict();
		System.out.println((verdict != null) ? verdict
				: "SLO held up to " + (long) this.maxRate + " requests/s: raise -DmaxRate to find the limit");
		this.api.cleanup();
	}

}
