package dev.iomodels.gatling;

import java.time.Duration;
import java.util.List;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Spike: a nearly idle service (one user by default) hit at once by thousands of
 * concurrent users (2,000 by default) for a while, then idle again. Shows how each model
 * absorbs a burst of new connections and requests — classic queues behind its 200
 * threads, loom and webflux take the whole burst in — and how fast latency recovers.
 */
public class SpikeSimulation extends Simulation {

	private final LoadParameters parameters = LoadParameters.fromSystemProperties();

	private final int baselineUsers = this.parameters.integer("baselineUsers", 1);

	private final int users = this.parameters.integer("users", 2000);

	private final Duration idle = this.parameters.duration("idle", Duration.ofSeconds(10));

	private final Duration duration = this.parameters.duration("duration", Duration.ofSeconds(30));

	private final double readRatio = this.parameters.percent("readRatio", 80);

	private final byte[] payload = StorageApi.payload(this.parameters.dataSize("payloadSize", "1KiB"));

	private final StorageApi api = new StorageApi(this.parameters.baseUrl(), "spike",
			this.parameters.integer("keyspace", 1000));

	private final ScenarioBuilder spike = scenario("Spike").exec(this.api.mixedOperation(this.readRatio, this.payload));

	public SpikeSimulation() {
		setUp(this.spike.injectClosed(constantConcurrentUsers(this.baselineUsers).during(this.idle),
				constantConcurrentUsers(this.users).during(this.duration),
				constantConcurrentUsers(this.baselineUsers).during(this.idle)))
			.protocols(this.api.protocol())
			.assertions(this.parameters.slo(Duration.ofSeconds(2)).assertions());
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
