package dev.iomodels.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import dev.iomodels.storage.RequestDeadline;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RequestTimeoutsTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

	@Test
	void theDefaultRequestTimeoutIsOneMinute() {
		assertThat(bind(Map.of()).requestTimeout()).isEqualTo(Duration.ofMinutes(1));
		assertThat(bind(Map.of()).requestTimeouts(CLOCK).start().isBounded()).isTrue();
	}

	@Test
	void minusOneTurnsTheRequestTimeoutOff() {
		ServerLimitsProperties off = bind(Map.of("iomodels.server.request-timeout", "-1"));
		assertThat(off.requestTimeouts(CLOCK).start().isBounded()).isFalse();
	}

	@Test
	void aZeroRequestTimeoutIsRefused() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("iomodels.server.request-timeout", "0s")))
			.withRootCauseInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theDeadlineIsTakenFromTheRequestAttributeAndIsNoneWithoutOne() {
		RequestDeadline deadline = new RequestTimeouts(Duration.ofSeconds(1), CLOCK).start();
		assertThat(RequestTimeouts.of(deadline)).isSameAs(deadline);
		assertThat(RequestTimeouts.of(null)).isSameAs(RequestDeadline.none());
		assertThatNoException().isThrownBy(deadline::checkBodyArrival);
	}

	private static ServerLimitsProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("iomodels.server",
				ServerLimitsProperties.class);
	}

}
