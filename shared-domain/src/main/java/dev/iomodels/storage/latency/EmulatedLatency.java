package dev.iomodels.storage.latency;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long every storage operation waits, standing in for the round trip to a remote
 * store. With it, one machine shows what a network-bound service does: a request spends
 * most of its time waiting, and the I/O model decides what that waiting costs (a platform
 * thread held, a virtual thread unmounted, or only a timer entry).
 *
 * @param base the fixed part of the wait
 * @param jitter the largest random extra, drawn uniformly from {@code [0, jitter]}
 */
public record EmulatedLatency(Duration base, Duration jitter) {

	/** No wait: the store answers at memory speed and the service is CPU-bound. */
	public static final EmulatedLatency NONE = new EmulatedLatency(Duration.ZERO, Duration.ZERO);

	public EmulatedLatency {
		if (base.isNegative() || jitter.isNegative()) {
			throw new IllegalArgumentException("Emulated latency must not be negative: " + base + ", " + jitter);
		}
	}

	/**
	 * Tell whether there is any wait at all.
	 * @return {@code true} if both parts are zero
	 */
	public boolean isZero() {
		return this.base.isZero() && this.jitter.isZero();
	}

	/**
	 * Draw the wait for one operation.
	 * @return the base plus a uniformly random part of the jitter
	 */
	public Duration next() {
		if (this.jitter.isZero()) {
			return this.base;
		}
		long extraNanos = ThreadLocalRandom.current().nextLong(this.jitter.toNanos() + 1);
		return this.base.plusNanos(extraNanos);
	}

}
