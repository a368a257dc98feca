package dev.iomodels.storage.concurrent;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A count that is never taken past its limit, not even for a moment: {@link #tryAdd} adds
 * only if the sum stays within the limit, with a compare-and-set, so concurrent callers
 * never block and can never overshoot together. It is the one rule behind the request
 * admission's bounds (requests, buffered body bytes), the in-memory engine's (objects,
 * payload bytes) and the remote backend's queue of requests waiting for a connection.
 * <p>
 * The count is a field of this object, not an {@code AtomicLong} inside it, so that it
 * costs its users no extra allocation or indirection over the atomic it replaces.
 */
public final class BoundedCounter {

	private static final VarHandle COUNT;

	static {
		try {
			COUNT = MethodHandles.lookup().findVarHandle(BoundedCounter.class, "count", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final long limit;

	private final boolean bounded;

	private final boolean oversizeWhenEmpty;

	@SuppressWarnings("unused") // accessed through COUNT
	private volatile long count;

	private BoundedCounter(long limit, boolean bounded, boolean oversizeWhenEmpty) {
		if (limit < 0) {
			throw new IllegalArgumentException("The limit must not be negative: " + limit);
		}
		this.limit = limit;
		this.bounded = bounded;
		this.oversizeWhenEmpty = oversizeWhenEmpty;
	}

	/**
	 * Create a counter that never holds more than {@code limit}.
	 * @param limit the most the count may reach
	 * @return a counter at zero
	 */
	public static BoundedCounter upTo(long limit) {
		return new BoundedCounter(limit, true, false);
	}

	/**
	 * Create a budget: a counter like {@link #upTo(long)}, except that an amount larger
	 * than the whole limit is still taken when the count is at zero. Without that, a
	 * budget smaller than the largest amount would refuse every such amount for ever;
	 * with it, one of them at a time gets through.
	 * @param limit the most the count may reach with more than one amount in it
	 * @return a counter at zero
	 */
	public static BoundedCounter budget(long limit) {
		return new BoundedCounter(limit, true, true);
	}

	/**
	 * Create a counter without a limit, whose {@link #tryAdd} always succeeds without a
	 * compare-and-set loop.
	 * @return a counter at zero
	 */
	public static BoundedCounter unbounded() {
		return new BoundedCounter(Long.MAX_VALUE, false, false);
	}

	/**
	 * Add to the count if the sum stays within the limit. A negative or zero amount is
	 * always added.
	 * @param amount how much to add
	 * @return whether it was added
	 */
	public boolean tryAdd(long amount) {
		if (amount <= 0 || !this.bounded) {
			COUNT.getAndAdd(this, amount);
			return true;
		}
		while (true) {
			long current = (long) COUNT.getVolatile(this);
			if (current + amount > this.limit && !(this.oversizeWhenEmpty && current == 0)) {
				return false;
			}
			if (COUNT.compareAndSet(this, current, current + amount)) {
				return true;
			}
		}
	}

	/**
	 * Take an amount added before off the count.
	 * @param amount how much to take off
	 */
	public void subtract(long amount) {
		COUNT.getAndAdd(this, -amount);
	}

	/**
	 * Return the count now.
	 * @return the count
	 */
	public long current() {
		return (long) COUNT.getVolatile(this);
	}

}
