package dev.iomodels.control.webflux;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The wait in front of every answer, under the services' own property name
 * ({@code storage.emulated-latency}) because the harness passes that to every process it
 * starts. The other {@code storage.*} settings it passes mean nothing here and are
 * ignored.
 *
 * @param emulatedLatency how long each API request waits before it is answered; zero for
 * no wait at all
 */
@ConfigurationProperties("storage")
record EmulatedLatency(@DefaultValue("0ms") Duration emulatedLatency) {

	EmulatedLatency {
		if (emulatedLatency.isNegative()) {
			throw new IllegalArgumentException("storage.emulated-latency must not be negative: " + emulatedLatency);
		}
	}

	/**
	 * Answer after the latency, as the services' memory backend waits
	 * ({@code LatencyEmulatingReactiveObjectStore}): a timer entry on Reactor's parallel
	 * scheduler, no thread held.
	 * @param <T> the answer's type
	 * @param answer the answer
	 * @return the answer, at once without a latency
	 */
	<T> Mono<T> answer(T answer) {
		return this.emulatedLatency.isZero() ? Mono.just(answer) : Mono.delay(this.emulatedLatency).thenReturn(answer);
	}

	/**
	 * Complete after the latency.
	 * @return the wait, empty without a latency
	 */
	Mono<Void> await() {
		return this.emulatedLatency.isZero() ? Mono.empty() : Mono.delay(this.emulatedLatency).then();
	}

}
