package dev.iomodels.control.mvc;

import java.time.Duration;

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
	 * Wait as the services' memory backend does ({@code LatencyEmulatingObjectStore}): a
	 * sleep that parks a platform thread and unmounts a virtual one.
	 */
	void await() {
		if (this.emulatedLatency.isZero()) {
			return;
		}
		try {
			Thread.sleep(this.emulatedLatency);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the emulated latency", ex);
		}
	}

}
