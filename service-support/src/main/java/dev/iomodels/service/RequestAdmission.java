package dev.iomodels.service;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.iomodels.storage.concurrent.BoundedCounter;

/**
 * The overload policy that all three services share: at most {@code maxRequests} API
 * requests admitted at once, and at most {@code maxBufferedBytes} of request bodies that
 * they may hold in memory. A request over either bound is not queued but refused at once
 * (503 {@code overloaded} with {@code Retry-After}), so that a flood ends in fast
 * refusals instead of an unbounded queue, timeouts or an {@link OutOfMemoryError}.
 * <p>
 * Admission never blocks: two {@link BoundedCounter}s, each a compare-and-set, so the
 * WebFlux service calls it on its event loop. Refusals are not counted here: each is a
 * 503 in the services' {@code http.server.requests} metric already. A PUT reserves its
 * declared Content-Length (at most the maximum object size, since a larger body is
 * refused before it is read), a chunked PUT the maximum object size, which is the most it
 * can grow to before it is cut off; other methods read no body and reserve nothing.
 */
public final class RequestAdmission {

	private final long maxObjectSize;

	private final BoundedCounter requests;

	private final BoundedCounter bufferedBytes;

	/**
	 * Create a policy.
	 * @param maxRequests the most requests admitted at once, or
	 * {@link ServerLimitsProperties#UNBOUNDED}
	 * @param maxBufferedBytes the most body bytes reserved at once, or
	 * {@link ServerLimitsProperties#UNBOUNDED}
	 * @param maxObjectSize the largest object, reserved for a body of unknown length
	 */
	public RequestAdmission(int maxRequests, long maxBufferedBytes, long maxObjectSize) {
		this.maxObjectSize = maxObjectSize;
		this.requests = (maxRequests == ServerLimitsProperties.UNBOUNDED) ? BoundedCounter.unbounded()
				: BoundedCounter.upTo(maxRequests);
		// A single request larger than the whole budget is still admitted when nothing
		// else is buffered, or a small budget would refuse every large object for ever.
		this.bufferedBytes = (maxBufferedBytes == ServerLimitsProperties.UNBOUNDED) ? BoundedCounter.unbounded()
				: BoundedCounter.budget(maxBufferedBytes);
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
		if (!this.requests.tryAdd(1)) {
			return null;
		}
		long reserved = reservation(method, contentLength, chunked);
		if (reserved > 0 && !this.bufferedBytes.tryAdd(reserved)) {
			this.requests.subtract(1);
			return null;
		}
		return new Admitted(reserved);
	}

	/**
	 * Return how many requests are admitted now.
	 * @return the count
	 */
	long admittedRequests() {
		return this.requests.current();
	}

	/**
	 * Return how many body bytes are reserved now.
	 * @return the bytes
	 */
	long bufferedBytes() {
		return this.bufferedBytes.current();
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
				RequestAdmission.this.bufferedBytes.subtract(this.reservedBytes);
				RequestAdmission.this.requests.subtract(1);
			}
		}

	}

}
