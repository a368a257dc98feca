package dev.iomodels.storage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.iomodels.storage.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class InMemoryObjectStoreTests {

	private static final Instant T0 = Instant.parse("2025-01-02T03:04:05.006Z");

	private static final ObjectKey KEY = ObjectKey.of("k");

	private final MutableClock clock = new MutableClock(T0);

	private final InMemoryObjectStore store = new InMemoryObjectStore(StorageLimits.DEFAULTS, this.clock);

	@Test
	void firstPutCreatesTheObject() {
		byte[] content = "hello".getBytes(StandardCharsets.US_ASCII);
		WriteResult result = this.store.put(KEY, content, "text/plain", Preconditions.NONE);
		assertThat(result.created()).isTrue();
		assertThat(result.metadata()).isEqualTo(new ObjectMetadata("k", 5, "text/plain", ETags.of(content), T0, T0));
		StoredObject stored = this.store.get(KEY);
		assertThat(stored.metadata()).isEqualTo(result.metadata());
		assertThat(stored.content()).isEqualTo(content);
	}

	@Test
	void secondPutReplacesKeepingTheCreatedTimeAndUpdatingTheModifiedTime() {
		this.store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
		this.clock.advance(Duration.ofMinutes(5));
		WriteResult result = this.store.put(KEY, new byte[] { 2, 3 }, "application/json", Preconditions.NONE);
		assertThat(result.created()).isFalse();
		assertThat(result.metadata()).isEqualTo(new ObjectMetadata("k", 2, "application/json",
				ETags.of(new byte[] { 2, 3 }), T0, T0.plus(Duration.ofMinutes(5))));
		assertThat(this.store.get(KEY).content()).containsExactly(2, 3);
		assertThat(this.store.get(KEY).metadata()).isEqualTo(result.metadata());
	}

	// Times are served in HTTP dates and JSON; sub-millisecond digits would make the
	// services differ.
	@Test
	void timesAreTruncatedToMilliseconds() {
		MutableClock fine = new MutableClock(Instant.parse("2025-01-02T03:04:05.006789123Z"));
		InMemoryObjectStore store = new InMemoryObjectStore(StorageLimits.DEFAULTS, fine);
		ObjectMetadata metadata = store.put(KEY, new byte[0], "text/plain", Preconditions.NONE).metadata();
		assertThat(metadata.created()).isEqualTo(Instant.parse("2025-01-02T03:04:05.006Z"));
		assertThat(metadata.modified()).isEqualTo(metadata.created());
	}

	@Test
	void getOfAMissingKeyIsNotFound() {
		assertProblem(() -> this.store.get(KEY), ProblemType.NOT_FOUND);
	}

	@Test
	void getAfterDeleteIsNotFound() {
		this.store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
		this.store.delete(KEY, Preconditions.NONE);
		assertProblem(() -> this.store.get(KEY), ProblemType.NOT_FOUND);
	}

	@Test
	void deleteOfAMissingKeyIsNotFound() {
		assertProblem(() -> this.store.delete(KEY, Preconditions.NONE), ProblemType.NOT_FOUND);
	}

	// RFC 9110 §13.2.1: preconditions are ignored when the answer without them would be
	// an error, so a missing key stays 404 rather than 412.
	@Test
	void deleteOfAMissingKeyIsNotFoundEvenWithIfMatch() {
		assertProblem(() -> this.store.delete(KEY, Preconditions.ifMatch(ETags.of(new byte[0]))),
				ProblemType.NOT_FOUND);
	}

	@Test
	void deleteWithMatchingIfMatchRemovesTheObject() {
		String etag = this.store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE).metadata().etag();
		this.store.delete(KEY, Preconditions.ifMatch(etag));
		assertProblem(() -> this.store.get(KEY), ProblemType.NOT_FOUND);
		assertThat(this.store.stats()).isEqualTo(new StorageStats(0, 0));
	}

	@Test
	void deleteWithStaleIfMatchFailsAndKeepsTheObject() {
		String stale = this.store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE).metadata().etag();
		this.store.put(KEY, new byte[] { 2 }, "text/plain", Preconditions.NONE);
		assertProblem(() -> this.store.delete(KEY, Preconditions.ifMatch(stale)), ProblemType.PRECONDITION_FAILED);
		assertThat(this.store.get(KEY).content()).containsExactly(2);
		assertThat(this.store.stats()).isEqualTo(new StorageStats(1, 1));
	}

	@Test
	void createOnlyPutOnAnExistingKeyFailsAndKeepsTheObject() {
		this.store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
		assertProblem(() -> this.store.put(KEY, new byte[] { 2 }, "text/plain", Preconditions.CREATE_ONLY),
				ProblemType.PRECONDITION_FAILED);
		assertThat(this.store.get(KEY).content()).containsExactly(1);
	}

	@Test
	void ifMatchPutOnAMissingKeyFailsAndCreatesNothing() {
		assertProblem(
				() -> this.store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.ifMatch(ETags.of(new byte[0]))),
				ProblemType.PRECONDITION_FAILED);
		assertThat(this.store.stats()).isEqualTo(new StorageStats(0, 0));
	}

	@Test
	void ifMatchPutWithTheCurrentEtagReplaces() {
		String etag = this.store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE).metadata().etag();
		WriteResult result = this.store.put(KEY, new byte[] { 2 }, "text/plain", Preconditions.ifMatch(etag));
		assertThat(result.created()).isFalse();
		assertProblem(() -> this.store.put(KEY, new byte[] { 3 }, "text/plain", Preconditions.ifMatch(etag)),
				ProblemType.PRECONDITION_FAILED);
		assertThat(this.store.get(KEY).content()).containsExactly(2);
	}

	@Test
	void statsTrackObjectsAndBytesThroughPutReplaceAndDelete() {
		assertThat(this.store.stats()).isEqualTo(new StorageStats(0, 0));
		this.store.put(ObjectKey.of("a"), new byte[10], "text/plain", Preconditions.NONE);
		this.store.put(ObjectKey.of("b"), new byte[20], "text/plain", Preconditions.NONE);
		assertThat(this.store.stats()).isEqualTo(new StorageStats(2, 30));
		this.store.put(ObjectKey.of("a"), new byte[15], "text/plain", Preconditions.NONE);
		assertThat(this.store.stats()).isEqualTo(new StorageStats(2, 35));
		this.store.put(ObjectKey.of("b"), new byte[1], "text/plain", Preconditions.NONE);
		assertThat(this.store.stats()).isEqualTo(new StorageStats(2, 16));
		this.store.put(ObjectKey.of("c"), new byte[0], "text/plain", Preconditions.NONE);
		assertThat(this.store.stats()).isEqualTo(new StorageStats(3, 16));
		this.store.delete(ObjectKey.of("a"), Preconditions.NONE);
		assertThat(this.store.stats()).isEqualTo(new StorageStats(2, 1));
		this.store.delete(ObjectKey.of("b"), Preconditions.NONE);
		this.store.delete(ObjectKey.of("c"), Preconditions.NONE);
		assertThat(this.store.stats()).isEqualTo(new StorageStats(0, 0));
	}

	@Test
	void storeDescribesItself() {
		assertThat(this.store.backend()).isEqualTo("memory");
		assertThat(this.store.limits()).isEqualTo(StorageLimits.DEFAULTS);
		assertThat(new InMemoryObjectStore(new StorageLimits(1, 2, 3)).limits()).isEqualTo(new StorageLimits(1, 2, 3));
	}

	@Nested
	class Limits {

		private final InMemoryObjectStore limited = new InMemoryObjectStore(new StorageLimits(100, 3, 250),
				InMemoryObjectStoreTests.this.clock);

		@Test
		void objectOfExactlyMaxObjectSizeIsStored() {
			assertThat(this.limited.put(KEY, new byte[100], "text/plain", Preconditions.NONE).metadata().size())
				.isEqualTo(100);
			assertThat(this.limited.stats()).isEqualTo(new StorageStats(1, 100));
		}

		@Test
		void objectOneByteOverMaxObjectSizeIsTooLargeAndNothingIsStored() {
			assertProblem(() -> this.limited.put(KEY, new byte[101], "text/plain", Preconditions.NONE),
					ProblemType.PAYLOAD_TOO_LARGE);
			assertThat(this.limited.stats()).isEqualTo(new StorageStats(0, 0));
			assertProblem(() -> this.limited.get(KEY), ProblemType.NOT_FOUND);
		}

		@Test
		void tooLargeReplacementKeepsTheCurrentObject() {
			this.limited.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
			assertProblem(() -> this.limited.put(KEY, new byte[101], "text/plain", Preconditions.NONE),
					ProblemType.PAYLOAD_TOO_LARGE);
			assertThat(this.limited.get(KEY).content()).containsExactly(1);
			assertThat(this.limited.stats()).isEqualTo(new StorageStats(1, 1));
		}

		@Test
		void objectBeyondMaxObjectsMakesTheStoreFullAndNothingIsStored() {
			fill(this.limited, 3, 1);
			assertProblem(() -> this.limited.put(ObjectKey.of("extra"), new byte[1], "text/plain", Preconditions.NONE),
					ProblemType.STORAGE_FULL);
			assertThat(this.limited.stats()).isEqualTo(new StorageStats(3, 3));
			assertProblem(() -> this.limited.get(ObjectKey.of("extra")), ProblemType.NOT_FOUND);
		}

		// Replacing adds no object, so a store at its object limit still takes it.
		@Test
		void replacementIsAcceptedWhenTheStoreHoldsMaxObjects() {
			fill(this.limited, 3, 1);
			assertThat(
					this.limited.put(ObjectKey.of("key-0"), new byte[50], "text/plain", Preconditions.NONE).created())
				.isFalse();
			assertThat(this.limited.stats()).isEqualTo(new StorageStats(3, 52));
		}

		@Test
		void deleteMakesRoomForAnotherObject() {
			fill(this.limited, 3, 1);
			this.limited.delete(ObjectKey.of("key-0"), Preconditions.NONE);
			assertThatNoException().isThrownBy(
					() -> this.limited.put(ObjectKey.of("extra"), new byte[1], "text/plain", Preconditions.NONE));
			assertThat(this.limited.stats()).isEqualTo(new StorageStats(3, 3));
		}

		@Test
		void objectThatWouldCrossMaxBytesMakesTheStoreFullAndNothingIsStored() {
			this.limited.put(ObjectKey.of("a"), new byte[100], "text/plain", Preconditions.NONE);
			this.limited.put(ObjectKey.of("b"), new byte[100], "text/plain", Preconditions.NONE);
			assertProblem(() -> this.limited.put(ObjectKey.of("c"), new byte[51], "text/plain", Preconditions.NONE),
					ProblemType.STORAGE_FULL);
			assertThat(this.limited.stats()).isEqualTo(new StorageStats(2, 200));
			assertProblem(() -> this.limited.get(ObjectKey.of("c")), ProblemType.NOT_FOUND);
			// Exactly the remaining budget still fits: no object slot was leaked.
			this.limited.put(ObjectKey.of("c"), new byte[50], "text/plain", Preconditions.NONE);
			assertThat(this.limited.stats()).isEqualTo(new StorageStats(3, 250));
		}

		@Test
		void biggerReplacementFitsExactlyUpToTheByteBudget() {
			this.limited.put(ObjectKey.of("a"), new byte[100], "text/plain", Preconditions.NONE);
			this.limited.put(ObjectKey.of("b"), new byte[100], "text/plain", Preconditions.NONE);
			this.limited.put(ObjectKey.of("c"), new byte[10], "text/plain", Preconditions.NONE);
			// The replacement only needs the growth, 40 bytes, not its full 50.
			this.limited.put(ObjectKey.of("c"), new byte[50], "text/plain", Preconditions.NONE);
			assertThat(this.limited.stats()).isEqualTo(new StorageStats(3, 250));
		}

		@Test
		void biggerReplacementOverTheByteBudgetFailsAndKeepsTheCurrentObject() {
			this.limited.put(ObjectKey.of("a"), new byte[100], "text/plain", Preconditions.NONE);
			this.limited.put(ObjectKey.of("b"), new byte[100], "text/plain", Preconditions.NONE);
			this.limited.put(ObjectKey.of("c"), new byte[10], "text/plain", Preconditions.NONE);
			assertProblem(() -> this.limited.put(ObjectKey.of("c"), new byte[51], "text/plain", Preconditions.NONE),
					ProblemType.STORAGE_FULL);
			assertThat(this.limited.get(ObjectKey.of("c")).content()).hasSize(10);
			assertThat(this.limited.stats()).isEqualTo(new StorageStats(3, 210));
		}

		@Test
		void smallerReplacementFreesBytesForOtherObjects() {
			this.limited.put(ObjectKey.of("a"), new byte[100], "text/plain", Preconditions.NONE);
			this.limited.put(ObjectKey.of("b"), new byte[100], "text/plain", Preconditions.NONE);
			this.limited.put(ObjectKey.of("a"), new byte[20], "text/plain", Preconditions.NONE);
			this.limited.put(ObjectKey.of("c"), new byte[100], "text/plain", Preconditions.NONE);
			assertThat(this.limited.stats()).isEqualTo(new StorageStats(3, 220));
		}

		@Test
		void failedPreconditionOnAFullStoreIsReportedAsAPreconditionFailure() {
			fill(this.limited, 3, 1);
			assertProblem(
					() -> this.limited.put(ObjectKey.of("key-0"), new byte[1], "text/plain", Preconditions.CREATE_ONLY),
					ProblemType.PRECONDITION_FAILED);
		}

	}

	@Nested
	class Listing {

		@Test
		void emptyStoreListsNothing() {
			ObjectPage page = list(null, null, null);
			assertThat(page.items()).isEmpty();
			assertThat(page.nextCursor()).isNull();
		}

		@Test
		void keysAreListedInAscendingOrderWithTheirMetadata() {
			for (String key : List.of("b", "a-2", "A", "a", "0", "a.1", "a_3", "a~4")) {
				put(key, key.length());
			}
			ObjectPage page = list(null, null, null);
			assertThat(page.items()).extracting(ListingItem::key)
				.containsExactly("0", "A", "a", "a-2", "a.1", "a_3", "a~4", "b");
			assertThat(page.items().get(3))
				.isEqualTo(new ListingItem("a-2", 3, "text/plain", ETags.of(new byte[3]), T0));
			assertThat(page.nextCursor()).isNull();
		}

		@Test
		void listingShowsTheModifiedTimeOfTheLatestReplacement() {
			put("a", 1);
			InMemoryObjectStoreTests.this.clock.advance(Duration.ofSeconds(3));
			put("a", 2);
			assertThat(list(null, null, null).items()).singleElement()
				.satisfies((item) -> assertThat(item.modified()).isEqualTo(T0.plusSeconds(3)))
				.satisfies((item) -> assertThat(item.size()).isEqualTo(2));
		}

		@Test
		void prefixSelectsOnlyKeysStartingWithIt() {
			for (String key : List.of("a", "ab", "ab-1", "ab.2", "abc", "ac", "b", "Ab")) {
				put(key, 1);
			}
			assertThat(list("ab", null, null).items()).extracting(ListingItem::key)
				.containsExactly("ab", "ab-1", "ab.2", "abc");
			assertThat(list("ab.", null, null).items()).extracting(ListingItem::key).containsExactly("ab.2");
			assertThat(list("x", null, null).items()).isEmpty();
			assertThat(list("", null, null).items()).hasSize(8);
		}

		@Test
		void pageHoldsAtMostTheLimitAndHandsOutACursorForTheRest() {
			for (int i = 0; i < 5; i++) {
				put("key-" + i, 1);
			}
			ObjectPage first = list(null, "2", null);
			assertThat(first.items()).extracting(ListingItem::key).containsExactly("key-0", "key-1");
			assertThat(first.nextCursor()).isEqualTo(ListQuery.cursorAfter("key-1"));
			ObjectPage second = list(null, "2", first.nextCursor());
			assertThat(second.items()).extracting(ListingItem::key).containsExactly("key-2", "key-3");
			ObjectPage last = list(null, "2", second.nextCursor());
			assertThat(last.items()).extracting(ListingItem::key).containsExactly("key-4");
			assertThat(last.nextCursor()).isNull();
		}

		// A cursor on a page that exactly ends the listing would make the client fetch an
		// empty page for nothing.
		@Test
		void pageThatEndsTheListingExactlyFullHasNoCursor() {
			for (int i = 0; i < 10; i++) {
				put("key-" + i, 1);
			}
			ObjectPage first = list(null, "5", null);
			assertThat(first.items()).hasSize(5);
			ObjectPage second = list(null, "5", first.nextCursor());
			assertThat(second.items()).extracting(ListingItem::key)
				.containsExactly("key-5", "key-6", "key-7", "key-8", "key-9");
			assertThat(second.nextCursor()).isNull();
			assertThat(list(null, "10", null).nextCursor()).isNull();
		}

		@Test
		void prefixedPageThatEndsThePrefixExactlyFullHasNoCursorEvenIfLaterKeysExist() {
			for (String key : List.of("a1", "a2", "b1", "b2", "b3", "c1")) {
				put(key, 1);
			}
			ObjectPage page = list("b", "3", null);
			assertThat(page.items()).extracting(ListingItem::key).containsExactly("b1", "b2", "b3");
			assertThat(page.nextCursor()).isNull();
		}

		@Test
		void pagingOverManyKeysReturnsEveryKeyExactlyOnceInOrder() {
			Random random = new Random(42);
			Set<String> expected = new HashSet<>();
			while (expected.size() < 1500) {
				String key = "k" + Integer.toString(random.nextInt(1_000_000), 36);
				if (expected.add(key)) {
					put(key, 0);
				}
			}
			List<String> seen = new ArrayList<>();
			String cursor = null;
			int pages = 0;
			do {
				ObjectPage page = list(null, "7", cursor);
				assertThat(page.items()).hasSizeBetween(1, 7);
				page.items().forEach((item) -> seen.add(item.key()));
				cursor = page.nextCursor();
				pages++;
				assertThat(pages).as("pages").isLessThanOrEqualTo(1500 / 7 + 1);
			}
			while (cursor != null);
			assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected).isSorted();
			assertThat(pages).isEqualTo(1500 / 7 + 1);
		}

		@Test
		void pagingWithinAPrefixReturnsEveryPrefixedKeyExactlyOnce() {
			for (int i = 0; i < 100; i++) {
				put("a" + i, 1);
				put("b" + i, 1);
				put("c" + i, 1);
			}
			List<String> seen = new ArrayList<>();
			String cursor = null;
			do {
				ObjectPage page = list("b", "9", cursor);
				page.items().forEach((item) -> seen.add(item.key()));
				cursor = page.nextCursor();
			}
			while (cursor != null && seen.size() <= 100);
			assertThat(seen).hasSize(100).doesNotHaveDuplicates().allMatch((key) -> key.startsWith("b")).isSorted();
		}

		@Test
		void cursorPastThePrefixRangeListsNothing() {
			for (String key : List.of("a1", "a2", "b1", "c1")) {
				put(key, 1);
			}
			ObjectPage page = list("a", "10", ListQuery.cursorAfter("b1"));
			assertThat(page.items()).isEmpty();
			assertThat(page.nextCursor()).isNull();
		}

		// A cursor before the prefix range cannot make the listing leave the prefix.
		@Test
		void cursorBeforeThePrefixRangeStartsAtThePrefix() {
			for (String key : List.of("a1", "a2", "b1", "b2", "c1")) {
				put(key, 1);
			}
			assertThat(list("b", "10", ListQuery.cursorAfter("a1")).items()).extracting(ListingItem::key)
				.containsExactly("b1", "b2");
		}

		@Test
		void cursorAfterADeletedKeyContinuesWithTheNextKey() {
			for (String key : List.of("a", "b", "c", "d")) {
				put(key, 1);
			}
			ObjectPage first = list(null, "2", null);
			InMemoryObjectStoreTests.this.store.delete(ObjectKey.of("b"), Preconditions.NONE);
			assertThat(list(null, "2", first.nextCursor()).items()).extracting(ListingItem::key)
				.containsExactly("c", "d");
		}

		@Test
		void cursorAfterTheLastKeyListsNothing() {
			put("a", 1);
			ObjectPage page = list(null, null, ListQuery.cursorAfter("a"));
			assertThat(page.items()).isEmpty();
			assertThat(page.nextCursor()).isNull();
		}

		private void put(String key, int size) {
			InMemoryObjectStoreTests.this.store.put(ObjectKey.of(key), new byte[size], "text/plain",
					Preconditions.NONE);
		}

		private ObjectPage list(String prefix, String limit, String cursor) {
			return InMemoryObjectStoreTests.this.store.list(ListQuery.parse(prefix, limit, cursor));
		}

	}

	@Nested
	class Concurrency {

		private static final int THREADS = 64;

		private final Contention contention = new Contention(THREADS);

		@AfterEach
		void stopThreads() throws InterruptedException {
			this.contention.close();
		}

		@Test
		void conditionalCreateLetsExactlyOneOfManyConcurrentWritersWin() throws Exception {
			InMemoryObjectStore store = new InMemoryObjectStore(StorageLimits.DEFAULTS);
			for (int round = 0; round < 20; round++) {
				ObjectKey key = ObjectKey.of("key-" + round);
				List<Contention.Outcome<WriteResult>> outcomes = this.contention
					.run((thread) -> () -> store.put(key, contentOf(thread), "text/plain", Preconditions.CREATE_ONLY));
				List<Contention.Outcome<WriteResult>> winners = Contention.successes(outcomes);
				assertThat(winners).as("round %d", round).hasSize(1);
				assertThat(winners.get(0).value().created()).isTrue();
				assertThat(Contention.refusals(outcomes)).hasSize(THREADS - 1)
					.containsOnly(ProblemType.PRECONDITION_FAILED);
				// The stored object is the winner's, not a later loser's.
				assertThat(store.get(key).metadata()).isEqualTo(winners.get(0).value().metadata());
			}
			assertThat(store.stats().objects()).isEqualTo(20);
		}

		@Test
		void ifMatchReplacementLetsExactlyOneOfManyWritersBasedOnTheSameEtagWin() throws Exception {
			InMemoryObjectStore store = new InMemoryObjectStore(StorageLimits.DEFAULTS);
			String etag = store.put(KEY, new byte[] { -1 }, "text/plain", Preconditions.NONE).metadata().etag();
			for (int round = 0; round < 20; round++) {
				Preconditions basedOnCurrent = Preconditions.ifMatch(etag);
				int salt = round;
				List<Contention.Outcome<WriteResult>> outcomes = this.contention.run((thread) -> () -> store.put(KEY,
						contentOf(salt * THREADS + thread), "text/plain", basedOnCurrent));
				List<Contention.Outcome<WriteResult>> winners = Contention.successes(outcomes);
				assertThat(winners).as("round %d", round).hasSize(1);
				assertThat(winners.get(0).value().created()).isFalse();
				assertThat(Contention.refusals(outcomes)).hasSize(THREADS - 1)
					.containsOnly(ProblemType.PRECONDITION_FAILED);
				etag = winners.get(0).value().metadata().etag();
				assertThat(store.get(KEY).metadata().etag()).isEqualTo(etag);
			}
			assertThat(store.stats().objects()).isOne();
		}

		// Losers find the object gone and get 404; the space is released once only.
		@Test
		void concurrentDeletesOfOneObjectLetExactlyOneSucceedAndReleaseItsSpaceOnce() throws Exception {
			InMemoryObjectStore store = new InMemoryObjectStore(StorageLimits.DEFAULTS);
			store.put(ObjectKey.of("other"), new byte[7], "text/plain", Preconditions.NONE);
			for (int round = 0; round < 20; round++) {
				store.put(KEY, new byte[100], "text/plain", Preconditions.NONE);
				List<Contention.Outcome<Boolean>> outcomes = this.contention.run((thread) -> () -> {
					store.delete(KEY, Preconditions.NONE);
					return true;
				});
				assertThat(Contention.successes(outcomes)).as("round %d", round).hasSize(1);
				assertThat(Contention.refusals(outcomes)).containsOnly(ProblemType.NOT_FOUND);
				assertThat(store.stats()).isEqualTo(new StorageStats(1, 7));
			}
		}

		@Test
		void concurrentPutsAndDeletesOfManyKeysLeaveStatsEqualToTheContents() throws Exception {
			InMemoryObjectStore store = new InMemoryObjectStore(StorageLimits.DEFAULTS);
			List<ObjectKey> keys = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				keys.add(ObjectKey.of("key-" + i));
			}
			List<Contention.Outcome<Integer>> outcomes = this.contention.run((thread) -> () -> {
				Random random = new Random(thread);
				for (int op = 0; op < 400; op++) {
					ObjectKey key = keys.get(random.nextInt(keys.size()));
					try {
						if (random.nextInt(3) == 0) {
							store.delete(key, Preconditions.NONE);
						}
						else {
							store.put(key, new byte[random.nextInt(200)], "text/plain", Preconditions.NONE);
						}
					}
					catch (ProblemException ex) {
						if (ex.type() != ProblemType.NOT_FOUND) {
							throw ex;
						}
					}
				}
				return 0;
			});
			assertThat(Contention.refusals(outcomes)).isEmpty();
			assertThat(store.stats()).isEqualTo(contents(store));
		}

		// The threads together ask for far more than the budget. Every object has a new
		// key, so whatever is refused was refused because the store really was full.
		@Test
		void byteBudgetIsNeverExceededWhenManyThreadsRaceToFillTheStore() throws Exception {
			long maxBytes = 50_000;
			InMemoryObjectStore store = new InMemoryObjectStore(new StorageLimits(1000, 100_000, maxBytes));
			List<Contention.Outcome<long[]>> outcomes = this.contention.run((thread) -> () -> {
				Random random = new Random(thread);
				long stored = 0;
				long smallestRefused = Long.MAX_VALUE;
				for (int i = 0; i < 40; i++) {
					int size = 1 + random.nextInt(200);
					try {
						store.put(ObjectKey.of("t" + thread + "-" + i), new byte[size], "text/plain",
								Preconditions.NONE);
						stored += size;
					}
					catch (ProblemException ex) {
						if (ex.type() != ProblemType.STORAGE_FULL) {
							throw ex;
						}
						smallestRefused = Math.min(smallestRefused, size);
					}
				}
				return new long[] { stored, smallestRefused };
			});
			assertThat(Contention.refusals(outcomes)).isEmpty();
			long stored = outcomes.stream().mapToLong((outcome) -> outcome.value()[0]).sum();
			long smallestRefused = outcomes.stream().mapToLong((outcome) -> outcome.value()[1]).min().orElseThrow();
			StorageStats stats = store.stats();
			assertThat(stats.bytes()).isLessThanOrEqualTo(maxBytes).isEqualTo(stored);
			assertThat(stats).isEqualTo(contents(store));
			assertThat(smallestRefused).as("the store filled up").isNotEqualTo(Long.MAX_VALUE);
			// Only creates ran, so usage only grew: a refused object would not fit now.
			assertThat(stats.bytes() + smallestRefused).isGreaterThan(maxBytes);
		}

		@Test
		void objectLimitAdmitsExactlyMaxObjectsWhenManyThreadsRaceToCreate() throws Exception {
			InMemoryObjectStore store = new InMemoryObjectStore(new StorageLimits(10, 100, 1_000_000));
			List<Contention.Outcome<Integer>> outcomes = this.contention.run((thread) -> () -> {
				int stored = 0;
				for (int i = 0; i < 5; i++) {
					try {
						store.put(ObjectKey.of("t" + thread + "-" + i), new byte[1], "text/plain", Preconditions.NONE);
						stored++;
					}
					catch (ProblemException ex) {
						if (ex.type() != ProblemType.STORAGE_FULL) {
							throw ex;
						}
					}
				}
				return stored;
			});
			assertThat(Contention.refusals(outcomes)).isEmpty();
			assertThat(outcomes.stream().mapToInt(Contention.Outcome::value).sum()).isEqualTo(100);
			assertThat(store.stats()).isEqualTo(new StorageStats(100, 100)).isEqualTo(contents(store));
		}

		// Two writers shrink the same 100-byte object to 10 bytes while another thread
		// waits for the bytes that frees. Only one shrink can commit, so only 90 bytes
		// ever become free and a 180-byte object must never fit. Each round is a fresh
		// race; the loop stops at the first round that breaks the budget.
		@Test
		void shrinkingReplacementThatLosesARaceNeverLetsTheStoreExceedItsByteBudget() throws Exception {
			long maxBytes = 1000;
			long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
			ExecutorService executor = Executors.newFixedThreadPool(3);
			try {
				int round = 0;
				while (System.nanoTime() < deadline) {
					round++;
					InMemoryObjectStore store = new InMemoryObjectStore(new StorageLimits(1000, 100, maxBytes));
					ObjectKey shrinking = ObjectKey.of("shrinking");
					store.put(shrinking, new byte[100], "text/plain", Preconditions.NONE);
					store.put(ObjectKey.of("ballast"), new byte[900], "text/plain", Preconditions.NONE);
					CountDownLatch start = new CountDownLatch(1);
					CountDownLatch shrunk = new CountDownLatch(2);
					List<Future<?>> tasks = new ArrayList<>();
					for (int i = 0; i < 2; i++) {
						byte[] smaller = new byte[] { (byte) i, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
						tasks.add(executor.submit(shrink(store, shrinking, smaller, start, shrunk)));
					}
					// The filler retries from the start, to take freed bytes as soon as
					// they are counted as free.
					tasks.add(executor.submit(() -> {
						boolean last;
						do {
							last = shrunk.getCount() == 0;
							try {
								store.put(ObjectKey.of("filler"), new byte[180], "text/plain", Preconditions.NONE);
								return null;
							}
							catch (ProblemException ex) {
								assertThat(ex.type()).isEqualTo(ProblemType.STORAGE_FULL);
							}
						}
						while (!last);
						return null;
					}));
					start.countDown();
					for (Future<?> task : tasks) {
						task.get(Contention.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
					}
					StorageStats contents = contents(store);
					assertThat(contents.bytes()).as("bytes really stored after round %d", round)
						.isLessThanOrEqualTo(maxBytes);
					assertThat(store.stats()).isEqualTo(contents);
				}
			}
			finally {
				executor.shutdownNow();
				assertThat(executor.awaitTermination(Contention.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			}
		}

		private static Callable<Void> shrink(InMemoryObjectStore store, ObjectKey key, byte[] content,
				CountDownLatch start, CountDownLatch shrunk) {
			return () -> {
				try {
					assertThat(start.await(Contention.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
					store.put(key, content, "text/plain", Preconditions.NONE);
					return null;
				}
				finally {
					shrunk.countDown();
				}
			};
		}

		private static byte[] contentOf(int writer) {
			return ("writer-" + writer).getBytes(StandardCharsets.US_ASCII);
		}

	}

	private static void fill(InMemoryObjectStore store, int objects, int size) {
		for (int i = 0; i < objects; i++) {
			store.put(ObjectKey.of("key-" + i), new byte[size], "text/plain", Preconditions.NONE);
		}
	}

	/**
	 * Count what the store really holds, by listing every key and reading its content.
	 */
	private static StorageStats contents(InMemoryObjectStore store) {
		long objects = 0;
		long bytes = 0;
		String cursor = null;
		do {
			ObjectPage page = store.list(ListQuery.parse(null, String.valueOf(ListQuery.MAX_LIMIT), cursor));
			for (ListingItem item : page.items()) {
				objects++;
				bytes += store.get(ObjectKey.of(item.key())).content().length;
			}
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return new StorageStats(objects, bytes);
	}

}
