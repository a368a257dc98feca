package dev.iomodels.service.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActuatorRequestsFilterTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	ActuatorRequestsFilterTests() {
		this.registry.config().meterFilter(new ActuatorRequestsFilter());
	}

	@Test
	void requestsToTheActuatorAreNotCountedAsHttpServerRequests() {
		this.registry.timer("http.server.requests", "uri", "/actuator/prometheus").record(Duration.ofMillis(1));
		this.registry.timer("http.server.requests", "uri", "/actuator/health/{*path}").record(Duration.ofMillis(1));

		assertThat(this.registry.find("http.server.requests").timers()).isEmpty();
	}

	@Test
	void apiRequestsAreCounted() {
		this.registry.timer("http.server.requests", "uri", "/api/v1/objects/{key}").record(Duration.ofMillis(1));

		assertThat(this.registry.get("http.server.requests").timer().count()).isOne();
	}

	@Test
	void otherMetersWithAnActuatorUriAreLeftAlone() {
		this.registry.counter("reactor.netty.http.server.errors", "uri", "/actuator/prometheus").increment();

		assertThat(this.registry.get("reactor.netty.http.server.errors").counter().count()).isOne();
	}

}
