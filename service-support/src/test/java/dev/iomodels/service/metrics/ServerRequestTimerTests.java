package dev.iomodels.service.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerRequestTimerTests {

	private final MockClock clock = new MockClock();

	private final MeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);

	private final ServerRequestTimer timer = new ServerRequestTimer(this.registry);

	@Test
	void aRequestIsTimedFromStartToRecordUnderTheTagsOfSpringsObservation() {
		long start = this.timer.start();
		this.clock.add(Duration.ofMillis(7));
		this.timer.record(start, "PUT", "/api/v1/objects/{*key}", 201, null);

		Timer recorded = this.registry.get(ServerRequestTimer.METER_NAME)
			.tags("method", "PUT", "uri", "/api/v1/objects/{*key}", "status", "201", "outcome", "SUCCESS", "exception",
					"none")
			.timer();
		assertThat(recorded.count()).isOne();
		assertThat(recorded.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(7);
	}

	@Test
	void requestsWithTheSameTagsShareOneTimer() {
		for (int i = 0; i < 3; i++) {
			this.timer.record(this.timer.start(), "GET", "/api/v1/objects/{*key}", 200, null);
		}
		this.timer.record(this.timer.start(), "GET", "/api/v1/objects/{*key}", 304, null);

		assertThat(this.registry.get(ServerRequestTimer.METER_NAME).tag("status", "200").timer().count()).isEqualTo(3);
		assertThat(this.registry.get(ServerRequestTimer.METER_NAME).timers()).hasSize(2);
	}

	@Test
	void aRequestThatMatchedNoRouteIsNamedByItsStatusAsSpringDoes() {
		this.timer.record(this.timer.start(), "GET", null, 404, null);
		this.timer.record(this.timer.start(), "GET", null, 301, null);
		this.timer.record(this.timer.start(), "GET", null, 400, null);

		assertThat(this.registry.get(ServerRequestTimer.METER_NAME).tag("uri", "NOT_FOUND").timer().count()).isOne();
		assertThat(this.registry.get(ServerRequestTimer.METER_NAME).tag("uri", "REDIRECTION").timer().count()).isOne();
		assertThat(this.registry.get(ServerRequestTimer.METER_NAME).tag("uri", "UNKNOWN").timer().count()).isOne();
	}

	@Test
	void aMethodOutsideHttpsStandardOnesIsUnknownSoThatClientsCannotMintTags() {
		this.timer.record(this.timer.start(), "BREW", null, 405, null);
		this.timer.record(this.timer.start(), "FROB", null, 405, null);

		assertThat(this.registry.get(ServerRequestTimer.METER_NAME).timers()).singleElement()
			.satisfies((timer) -> assertThat(timer.getId().getTag("method")).isEqualTo("UNKNOWN"));
	}

	@Test
	void aRequestWhoseClientWentAwayHasAnUnknownStatusAndOutcome() {
		this.timer.record(this.timer.start(), "GET", "/api/v1/objects/{*key}", ServerRequestTimer.STATUS_UNKNOWN, null);

		Timer recorded = this.registry.get(ServerRequestTimer.METER_NAME).timer();
		assertThat(recorded.getId().getTag("status")).isEqualTo("UNKNOWN");
		assertThat(recorded.getId().getTag("outcome")).isEqualTo("UNKNOWN");
	}

	@Test
	void anExceptionIsNamedByItsSimpleClassName() {
		this.timer.record(this.timer.start(), "GET", "/api/v1/objects/{*key}", 500, new IllegalStateException());

		assertThat(this.registry.get(ServerRequestTimer.METER_NAME).timer().getId().getTag("exception"))
			.isEqualTo("IllegalStateException");
	}

}
