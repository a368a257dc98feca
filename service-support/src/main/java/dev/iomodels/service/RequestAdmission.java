package dev.iomodels.service;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The overload policy that all three services share: at most {@code maxRequests} API
 * requests admitted at once, and at most {@code maxBufferedBytes} of request bodies that
 * they may hold in memory. A request over either bound is not queued but refused at once
 * (503 {@code overloaded} with {@code Retry-After}), so that a flood ends in fast
 * refusals instead of an unbounded queue, timeouts or an {@link OutOfMemoryError}.
 * <p>
 * Admission never blocks: two atomic counters and a compare-and-set, so the WebFlux
 * service calls it on its event loop. A PUT reserves its declared Content-Length (at most
 * the maximum object size, since a larger body is refused before it is read), a chunked
 * PUT the maximum object size, which is the most it can grow to before it is cut off;
 * other methods read no body and reserve nothing.
 */
public final class RequestAdmission {

	private final int maxRequests;

	private final long maxBufferedBytes;

	private final long maxObjectSize;

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicLong bufferedBytes = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	/**
	 * Create a policy.
	 * @param maxRequests the most requests admitted at once, or
	 * {@link ServerLimitsProperties#UNBOUNDED}
	 * @param maxBufferedBytes the most body bytes reserved at once, or
	 * {@link ServerLimitsProperties#UNBOUNDED}
	 * @param maxObjectSize the largest object, reserved for a body of unknown length
	 */
	public RequestAdmission(int maxRequests, long maxBufferedBytes, long maxObjectSize) {
		this.maxRequests = maxRequests;
		this.maxBufferedBytes = maxBufferedBytes;
		this.maxObjectSize = maxObjectSize;
	}

	/**
	 * Admit a request if both bounds allow it.
	 * @param method the request method
	 * @param contentLength the declared Content-Length, or {@code -1} if there is none
	 * @param chunked whether the body comes with {@code Transfer-Encoding}
	 * @return the admission to {@link Admitted#release() release} when the request is
	 * done, or {@code null} if the request is refused
	 */
	public Admitted tryAdmit(String method, long contentLength, boolean chunked) {
		if (!increment(this.requests, this.maxRequests)) {
			this.refused.incrementAndGet();
			return null;
		}
		long reserved = reservation(method, contentLength, chunked);
		if (reserved > 0 && !add(this.bufferedBytes, reserved, this.maxBufferedBytes)) {
			this.requests.decrementAndGet();
			this.refused.incrementAndGet();
			return null;
		}
		return new Admitted(reserved);
	}

	/**
	 * Return how many requests are admitted now.
	 * @return the count
	 */
	public int admittedRequests() {
		return this.requests.get();
	}

	/**
	 * Return how many body bytes are reserved now.
	 * @return the bytes
	 */
	public long bufferedBytes() {
		return this.bufferedBytes.get();
	}

	/**
	 * Return how many requests were refused since the start.
	 * @return the count
	 */
	public long refusedRequests() {
		return this.refused.get();
	}

	private long reservation(String method, long contentLength, boolean chunked) {
		if (!"PUT".equals(method)) {
			return 0;
		}
		if (chunked) {
			return this.maxObjectSize;
		}
		return Math.max(0, Math.min(contentLength, this.maxObjectSize));
	}

	private static boolean increment(AtomicInteger counter, int max) {
		if (max == ServerLimitsProperties.UNBOUNDED) {
			counter.incrementAndGet();
			return true;
		}
		while (true) {
			int current = counter.get();
			if (current >= max) {
				return false;
			}
			if (counter.compareAndSet(current, current + 1)) {
				return true;
			}
		}
	}

	private static boolean add(AtomicLong counter, long amount, long max) {
		if (max == ServerLimitsProperties.UNBOUNDED) {
			counter.addAndGet(amount);
			return true;
		}
		while (true) {
			long current = counter.get();
			// A single request larger than the whole budget is still admitted when
			// nothing
			// else is buffered, or a small budget would refuse every large object for
			// ever.
			if (current > 0 && current + amount > max) {
				return false;
			}
			if (counter.compareAndSet(current, current + amount)) {
				return true;
			}
		}
	}

	/**
	 * One admitted request's share of the bounds, given back once.
	 */
	public final class Admitted {

		private final long reservedBytes;

		private final AtomicBoolean released = new AtomicBoolean();

		private Admitted(long reservedBytes) {
			this.reservedBytes = reservedBytes;
		}

		/**
		 * Give the request's share back; calls after the first do nothing, so that both a
		 * completion and a cancellation may call it.
		 */
		public void release() {
			if (this.released.compareAndSet(false, true)) {
				RequestAdmission.this.bufferedBytes.addAndGet(-this.reservedBytes);
				RequestAdmission.this.requests.decrementAndGet();
			}
		}

	}

}
