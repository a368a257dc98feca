package dev.iomodels.gatling;

import java.time.Duration;
import java.util.List;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Large payloads: GETs and PUTs of 256 KiB to 1 MiB objects (1 MiB is the services'
 * largest object). The bytes, not the wait, dominate: watch the heap, the GC pauses and
 * the allocation rate on the dashboards — a blocking stack copies a body through a
 * stream, the reactive one through pooled buffers.
 */
public class LargePayloadSimulation extends Simulation {

	private final LoadParameters parameters = LoadParameters.fromSystemProperties();

	private final int users = this.parameters.integer("users", 20);

	private final Duration duration = this.parameters.duration("duration", Duration.ofSeconds(60));

	private final double readRatio = this.parameters.percent("readRatio", 50);

	private final List<byte[]> payloads = this.parameters.dataSizes("payloadSizes", "256KiB,512KiB,1MiB")
		.stream()
		.map(StorageApi::payload)
		.toList();

	private final StorageApi api = new StorageApi(this.parameters.baseUrl(), "large",
			this.parameters.integer("keyspace", 64));

	private final ScenarioBuilder largePayloads = scenario("Large payloads")
		.exec(randomSwitch().on(percent(this.readRatio).then(this.api.read()),
				percent(100 - this.readRatio).then(this.api.writeOneOf(this.payloads))));

	public LargePayloadSimulation() {
		setUp(this.largePayloads.injectClosed(constantConcurrentUsers(this.users).during(this.duration)))
			.protocols(this.api.protocol())
			.assertions(this.parameters.slo(Duration.ofSeconds(1)).assertions());
	}

	@Override
	public void before() {
		this.api.preload(this.payloads);
	}

	@Override
	public void after() {
		this.api.cleanup();
	}

}
