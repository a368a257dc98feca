package dev.iomodels.storage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

import dev.iomodels.storage.concurrent.BoundedCounter;

/**
 * The embedded storage engine: objects in memory, sorted by key for paging, bounded by
 * {@link StorageLimits}.
 * <p>
 * It takes no lock. Reads are plain lookups in a {@link ConcurrentSkipListMap}; a write
 * reads the current entry, checks the preconditions against it and then installs its new
 * entry with a compare-and-set ({@code putIfAbsent}, {@code replace(k, old, new)},
 * {@code remove(k, old)}), starting over if another write got there first. So every
 * conditional write is atomic, no thread ever parks in here, and the engine is safe to
 * call from an event-loop thread. Space is reserved in the {@link BoundedCounter}s of
 * objects and bytes before the entry is installed, so the limits are never crossed, not
 * even for a moment.
 */
public final class InMemoryObjectStore implements ObjectStore {

	private final ConcurrentSkipListMap<String, Entry> objects = new ConcurrentSkipListMap<>();

	private final BoundedCounter objectCount;

	private final BoundedCounter byteCount;

	private final StorageLimits limits;

	private final Clock clock;

	/**
	 * Create an empty store.
	 * @param limits the bounds to enforce
	 * @param clock the source of the created and modified times
	 */
	public InMemoryObjectStore(StorageLimits limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
		this.objectCount = BoundedCounter.upTo(limits.maxObjects());
		this.byteCount = BoundedCounter.upTo(limits.maxBytes());
	}

	/**
	 * Create an empty store on the system clock.
	 * @param limits the bounds to enforce
	 */
	public InMemoryObjectStore(StorageLimits limits) {
		this(limits, Clock.systemUTC());
	}

	@Override
	public StoredObject get(ObjectKey key) {
		Entry entry = this.objects.get(key.value());
		if (entry == null) {
			throw notFound(key);
		}
		return new StoredObject(entry.metadata, entry.content);
	}

	@Override
	public WriteResult put(ObjectKey key, byte[] content, String contentType, Preconditions preconditions) {
		this.limits.checkObjectSize(content.length);
		// Hashing is the expensive part of a write: do it once, outside the retry loop.
		String etag = ETags.of(content);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		while (true) {
			Entry current = this.objects.get(key.value());
			preconditions.checkWrite((current != null) ? current.metadata.etag() : null);
			if (current == null) {
				reserve(1, content.length);
				Entry created = new Entry(new ObjectMetadata(key.value(), content.length, contentType, etag, now, now),
						content);
				if (this.objects.putIfAbsent(key.value(), created) == null) {
					return new WriteResult(created.metadata, true);
				}
				release(1, content.length);
			}
			else {
				// Space is taken before the swap but given back only after it: freeing a
				// shrinking replacement's bytes early would let another write use them
				// even if this swap then loses its race, and the budget would be crossed.
				long growth = content.length - current.content.length;
				long reserved = Math.max(growth, 0);
				reserve(0, reserved);
				Entry replacement = new Entry(new ObjectMetadata(key.value(), content.length, contentType, etag,
						current.metadata.created(), now), content);
				if (this.objects.replace(key.value(), current, replacement)) {
					if (growth < 0) {
						release(0, -growth);
					}
					return new WriteResult(replacement.metadata, false);
				}
				release(0, reserved);
			}
		}
	}

	@Override
	public void delete(ObjectKey key, Preconditions preconditions) {
		while (true) {
			Entry current = this.objects.get(key.value());
			if (current == null) {
				throw notFound(key);
			}
			preconditions.checkWrite(current.metadata.etag());
			if (this.objects.remove(key.value(), current)) {
				release(1, current.content.length);
				return;
			}
		}
	}

	@Override
	public ObjectPage list(ListQuery query) {
		String prefix = query.prefix();
		NavigableMap<String, Entry> from = (query.after() != null && query.after().compareTo(prefix) >= 0)
				? this.objects.tailMap(query.after(), false) : this.objects.tailMap(prefix, true);
		List<ListingItem> items = new ArrayList<>(Math.min(query.limit(), 64));
		Iterator<Map.Entry<String, Entry>> entries = from.entrySet().iterator();
		while (entries.hasNext()) {
			Map.Entry<String, Entry> next = entries.next();
			if (!next.getKey().startsWith(prefix)) {
				break;
			}
			if (items.size() == query.limit()) {
				// One more matching key exists, so this page is not the last.
				return new ObjectPage(items, ListQuery.cursorAfter(items.get(items.size() - 1).key()));
			}
			items.add(ListingItem.of(next.getValue().metadata));
		}
		return new ObjectPage(items, null);
	}

	@Override
	public StorageStats stats() {
		return new StorageStats(this.objectCount.current(), this.byteCount.current());
	}

	@Override
	public StorageLimits limits() {
		return this.limits;
	}

	@Override
	public String backend() {
		return "memory";
	}

	private void reserve(long objects, long bytes) {
		if (!this.objectCount.tryAdd(objects)) {
			throw new ProblemException(ProblemType.STORAGE_FULL,
					"The store holds its maximum of " + this.limits.maxObjects() + " objects.");
		}
		if (!this.byteCount.tryAdd(bytes)) {
			this.objectCount.subtract(objects);
			throw new ProblemException(ProblemType.STORAGE_FULL,
					"Storing this object would exceed the store's budget of " + this.limits.maxBytes() + " bytes.");
		}
	}

	private void release(long objects, long bytes) {
		this.objectCount.subtract(objects);
		this.byteCount.subtract(bytes);
	}

	private static ProblemException notFound(ObjectKey key) {
		return new ProblemException(ProblemType.NOT_FOUND, "No object is stored under the key '" + key + "'.");
	}

	/**
	 * A stored object. Deliberately not a record: the compare-and-set operations of the
	 * map compare entries with {@code equals}, and they must compare identity, not
	 * content.
	 */
	private static final class Entry {

		private final ObjectMetadata metadata;

		private final byte[] content;

		Entry(ObjectMetadata metadata, byte[] content) {
			this.metadata = metadata;
			this.content = content;
		}

	}

}
