package dev.iomodels.service.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InFlightRequestsTests {

	@Test
	void gaugeCountsRequestsStartedAndNotYetFinished() {
		MeterRegistry registry = new SimpleMeterRegistry();
		InFlightRequests inFlight = new InFlightRequests();
		inFlight.bindTo(registry);

		inFlight.started();
		inFlight.started();
		inFlight.started();
		inFlight.finished();

		assertThat(registry.get(InFlightRequests.METER_NAME).gauge().value()).isEqualTo(2);
		assertThat(inFlight.current()).isEqualTo(2);
	}

}
