package dev.iomodels.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The request timeout of one request: a deadline that starts when the request is admitted
 * and by which its body must have fully arrived, and which also bounds the request's
 * storage operations ({@link #limit(Duration)}). Both web stacks apply the same rule: the
 * deadline is checked each time body bytes arrive, and a request past it is refused with
 * {@link ProblemType#REQUEST_TIMEOUT}. A client that goes silent delivers no bytes to
 * check against; the server's connection timeout (silence while reading) cuts it off
 * instead.
 * <p>
 * The check only reads a clock, so the WebFlux service makes it on its event loop.
 */
public final class RequestDeadline {

	/**
	 * The key under which a reactive request carries its deadline in the Reactor context,
	 * for {@link dev.iomodels.storage.latency.LatencyEmulatingReactiveObjectStore}.
	 */
	public static final Class<RequestDeadline> CONTEXT_KEY = RequestDeadline.class;

	private static final RequestDeadline NONE = new RequestDeadline(null, null, null);

	private final Clock clock;

	private final Duration timeout;

	private final Instant deadline;

	private RequestDeadline(Clock clock, Duration timeout, Instant deadline) {
		this.clock = clock;
		this.timeout = timeout;
		this.deadline = deadline;
	}

	/**
	 * Return the deadline of a request without a request timeout, which never passes.
	 * @return the unbounded deadline
	 */
	public static RequestDeadline none() {
		return NONE;
	}

	/**
	 * Start a request's deadline now.
	 * @param timeout the request timeout; a negative one is off
	 * @param clock the clock that tells the time now and at every check
	 * @return the deadline, {@link #none()} if the timeout is off
	 */
	public static RequestDeadline start(Duration timeout, Clock clock) {
		if (timeout.isNegative()) {
			return NONE;
		}
		return new RequestDeadline(clock, timeout, clock.instant().plus(timeout));
	}

	/**
	 * Return whether this deadline can pass at all.
	 * @return {@code false} for {@link #none()}
	 */
	public boolean isBounded() {
		return this.deadline != null;
	}

	/**
	 * Check the deadline as body bytes arrive.
	 * @throws ProblemException of type {@link ProblemType#REQUEST_TIMEOUT} if it has
	 * passed
	 */
	public void checkBodyArrival() {
		if (this.deadline != null && this.clock.instant().isAfter(this.deadline)) {
			throw new ProblemException(ProblemType.REQUEST_TIMEOUT, "The request body did not arrive within "
					+ this.timeout.toMillis() + " ms of the request's start; nothing was stored.");
		}
	}

	/**
	 * Return how long a storage operation of this request may wait: the storage operation
	 * timeout, or what is left of the request's budget if that is less, so that the
	 * storage gets at most the remaining budget.
	 * @param storageTimeout the storage operation timeout, or {@code null} for none
	 * @return the shorter of the two (zero once the deadline has passed), or {@code null}
	 * if neither bounds the wait
	 */
	public Duration limit(Duration storageTimeout) {
		if (this.deadline == null) {
			return storageTimeout;
		}
		Duration remaining = Duration.between(this.clock.instant(), this.deadline);
		if (remaining.isNegative()) {
			remaining = Duration.ZERO;
		}
		return (storageTimeout == null || remaining.compareTo(storageTimeout) < 0) ? remaining : storageTimeout;
	}

}
