package dev.iomodels.postgres;

import java.util.concurrent.atomic.AtomicReference;

import dev.iomodels.storage.StorageStats;

/**
 * The newest known totals of the {@code storage_usage} row, for
 * {@link dev.iomodels.storage.ObjectStore#stats()}, which metrics gauges read and which
 * must therefore never wait for the database. Every write returns the row it changed, and
 * the row's {@code version} decides which of two concurrently returned rows is newer.
 */
final class UsageSnapshot {

	private final AtomicReference<Usage> newest = new AtomicReference<>(new Usage(0, 0, -1));

	/**
	 * Record a state of the usage row.
	 * @param objects its object count
	 * @param bytes its byte count
	 * @param version its version
	 */
	void accept(long objects, long bytes, long version) {
		Usage candidate = new Usage(objects, bytes, version);
		this.newest.accumulateAndGet(candidate, (current, next) -> (next.version > current.version) ? next : current);
	}

	StorageStats stats() {
		Usage usage = this.newest.get();
		return new StorageStats(usage.objects, usage.bytes);
	}

	private record Usage(long objects, long bytes, long version) {
	}

}
