package dev.iomodels.storage.concurrent;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Lets one caller through per interval, however many ask: for the warning that a failing
 * backend would otherwise write for every request it fails. The first call passes. It is
 * a compare-and-set on the time of the last pass, so it never blocks and may be asked on
 * an event loop; of many callers at the same moment, exactly one passes.
 */
public final class OncePerInterval {

	private final long intervalNanos;

	private final LongSupplier nanoTime;

	private final AtomicLong lastPass;

	/**
	 * Create a gate on the JVM's monotonic clock.
	 * @param interval the least time between two passes
	 */
	public OncePerInterval(Duration interval) {
		this(interval, System::nanoTime);
	}

	OncePerInterval(Duration interval, LongSupplier nanoTime) {
		this.intervalNanos = interval.toNanos();
		this.nanoTime = nanoTime;
		this.lastPass = new AtomicLong(nanoTime.getAsLong() - this.intervalNanos);
	}

	/**
	 * Pass if the interval has gone by since the last pass.
	 * @return whether this caller passes
	 */
	public boolean tryPass() {
		long now = this.nanoTime.getAsLong();
		long last = this.lastPass.get();
		return now - last >= this.intervalNanos && this.lastPass.compareAndSet(last, now);
	}

}
