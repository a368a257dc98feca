package dev.iomodels.gatling;

import java.time.Duration;
import java.util.List;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Mixed CRUD: a realistic mix (by default 80 % GET, 15 % PUT, 5 % list or create and
 * delete) over a preloaded keyspace, from a fixed number of concurrent users. At zero
 * emulated latency all three services are CPU-bound and close; with latency, classic's
 * throughput stops at its pool size divided by the latency.
 */
public class MixedCrudSimulation extends Simulation {

	private final LoadParameters parameters = LoadParameters.fromSystemProperties();

	private final int users = this.parameters.integer("users", 50);

	private final Duration duration = this.parameters.duration("duration", Duration.ofSeconds(60));

	private final double readRatio = this.parameters.percent("readRatio", 80);

	private final byte[] payload = StorageApi.payload(this.parameters.dataSize("payloadSize", "1KiB"));

	private final StorageApi api = new StorageApi(this.parameters.baseUrl(), "mixed",
			this.parameters.integer("keyspace", 1000));

	private final ScenarioBuilder mixedCrud = scenario("Mixed CRUD")
		.exec(this.api.mixedOperation(this.readRatio, this.payload));

	public MixedCrudSimulation() {
		setUp(this.mixedCrud.injectClosed(constantConcurrentUsers(this.users).during(this.duration)))
			.protocols(this.api.protocol())
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
