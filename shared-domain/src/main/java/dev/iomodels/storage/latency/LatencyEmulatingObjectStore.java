package dev.iomodels.storage.latency;

import java.time.Duration;
import java.util.function.Supplier;

import dev.iomodels.storage.ForwardingObjectStore;
import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectPage;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.RequestDeadline;
import dev.iomodels.storage.StoredObject;
import dev.iomodels.storage.WriteResult;

/**
 * Adds {@link EmulatedLatency} in front of every operation of a blocking store by
 * sleeping on the calling thread. That is the point: a platform thread is held for the
 * whole wait, while a virtual thread unmounts from its carrier and frees it for other
 * requests.
 * <p>
 * A wait longer than the storage operation timeout is cut off at the timeout with
 * {@link ProblemType#STORAGE_TIMEOUT}, before the operation runs: a client of a remote
 * store gives up at its deadline, and a write it gave up on is not applied. The calling
 * request's own deadline ({@link RequestDeadline#limit}) cuts the wait earlier if less of
 * its budget is left.
 */
public final class LatencyEmulatingObjectStore extends ForwardingObjectStore {

	private final EmulatedLatency latency;

	private final Duration timeout;

	private final Supplier<RequestDeadline> deadlines;

	/**
	 * Wrap a store, with no timeout.
	 * @param delegate the store that does the work
	 * @param latency the wait before each operation
	 */
	public LatencyEmulatingObjectStore(ObjectStore delegate, EmulatedLatency latency) {
		this(delegate, latency, null);
	}

	/**
	 * Wrap a store.
	 * @param delegate the store that does the work
	 * @param latency the wait before each operation
	 * @param timeout the longest wait before an operation is given up with
	 * {@link ProblemType#STORAGE_TIMEOUT}, or {@code null} for none
	 */
	public LatencyEmulatingObjectStore(ObjectStore delegate, EmulatedLatency latency, Duration timeout) {
		this(delegate, latency, timeout, RequestDeadline::none);
	}

	/**
	 * Wrap a store.
	 * @param delegate the store that does the work
	 * @param latency the wait before each operation
	 * @param timeout the longest wait before an operation is given up with
	 * {@link ProblemType#STORAGE_TIMEOUT}, or {@code null} for none
	 * @param deadlines the deadline of the request the calling thread serves, asked at
	 * each operation
	 */
	public LatencyEmulatingObjectStore(ObjectStore delegate, EmulatedLatency latency, Duration timeout,
			Supplier<RequestDeadline> deadlines) {
		super(delegate);
		this.latency = latency;
		this.timeout = timeout;
		this.deadlines = deadlines;
	}

	@Override
	public StoredObject get(ObjectKey key) {
		await();
		return delegate().get(key);
	}

	@Override
	public WriteResult put(ObjectKey key, byte[] content, String contentType, Preconditions preconditions) {
		await();
		return delegate().put(key, content, contentType, preconditions);
	}

	@Override
	public void delete(ObjectKey key, Preconditions preconditions) {
		await();
		delegate().delete(key, preconditions);
	}

	@Override
	public ObjectPage list(ListQuery query) {
		await();
		return delegate().list(query);
	}

	private void await() {
		Duration wait = this.latency.next();
		if (wait.isZero()) {
			return;
		}
		Duration limit = this.deadlines.get().limit(this.timeout);
		boolean timesOut = limit != null && wait.compareTo(limit) > 0;
		try {
			Thread.sleep(timesOut ? limit : wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the emulated storage latency", ex);
		}
		if (timesOut) {
			throw StorageTimeouts.timedOut(limit);
		}
	}

}
