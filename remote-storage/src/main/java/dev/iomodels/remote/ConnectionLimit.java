package dev.iomodels.remote;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.concurrent.BoundedCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The connections of a blocking client to the node, as a fair semaphore in front of the
 * client: a request holds a permit for its whole exchange, waits for one at most
 * {@code pending-acquire-timeout}, and is refused at once when
 * {@code pending-acquire-max-count} requests already wait. The JDK's {@code HttpClient}
 * has no bound of its own, so without this the three clients would not be held to the
 * same number of connections; the clients that have a pool (Apache's, Reactor Netty's)
 * are sized to the same number and never queue behind it. A platform thread waiting here
 * is blocked; a virtual thread parks and frees its carrier.
 */
final class ConnectionLimit {

	private final Semaphore permits;

	private final BoundedCounter pending;

	private final int max;

	private final int maxPending;

	private final Duration timeout;

	private final Timer acquired;

	private final Timer refused;

	ConnectionLimit(RemoteStorageProperties properties, MeterRegistry registry) {
		this.max = properties.maxConnections();
		this.maxPending = properties.pendingAcquireMaxCount();
		this.pending = BoundedCounter.upTo(this.maxPending);
		this.timeout = properties.pendingAcquireTimeout();
		this.permits = new Semaphore(this.max, true);
		if (registry != null) {
			RemotePoolMetrics.gauges(registry, this, (limit) -> limit.max - limit.permits.availablePermits(),
					(limit) -> limit.pending.current(), (limit) -> limit.max);
			this.acquired = RemotePoolMetrics.acquireTimer(registry, "success");
			this.refused = RemotePoolMetrics.acquireTimer(registry, "failure");
		}
		else {
			this.acquired = null;
			this.refused = null;
		}
	}

	/**
	 * Wait for a connection.
	 * @throws ProblemException of type {@link ProblemType#STORAGE_UNAVAILABLE} if too
	 * many requests wait or none is free within the timeout
	 */
	void acquire() {
		long start = System.nanoTime();
		boolean granted = false;
		try {
			if (this.permits.tryAcquire(0, TimeUnit.NANOSECONDS)) {
				granted = true;
				return;
			}
			if (!this.pending.tryAdd(1)) {
				throw busy("already " + this.maxPending + " requests wait for one");
			}
			try {
				granted = this.permits.tryAcquire(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
			}
			finally {
				this.pending.subtract(1);
			}
			if (!granted) {
				throw busy("none was free within " + this.timeout.toMillis() + " ms");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw busy("the wait for one was interrupted");
		}
		finally {
			Timer timer = granted ? this.acquired : this.refused;
			if (timer != null) {
				timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			}
		}
	}

	/**
	 * Give a connection back.
	 */
	void release() {
		this.permits.release();
	}

	private ProblemException busy(String why) {
		return new ProblemException(ProblemType.STORAGE_UNAVAILABLE, "Every one of the " + this.max
				+ " connections to the storage node is busy and " + why + ". Retry after the time in Retry-After.");
	}

}
