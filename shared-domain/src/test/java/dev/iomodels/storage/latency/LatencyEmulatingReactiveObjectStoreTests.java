package dev.iomodels.storage.latency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.iomodels.storage.InMemoryObjectStore;
import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ListingItem;
import dev.iomodels.storage.NonBlockingReactiveObjectStore;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.ReactiveObjectStore;
import dev.iomodels.storage.RequestDeadline;
import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.StorageStats;
import dev.iomodels.storage.WriteResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class LatencyEmulatingReactiveObjectStoreTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration LATENCY = Duration.ofMillis(100);

	private static final Duration JUST_BEFORE = LATENCY.minusNanos(1);

	private static final ObjectKey KEY = ObjectKey.of("k");

	private final InMemoryObjectStore memory = new InMemoryObjectStore(StorageLimits.DEFAULTS);

	private final VirtualTimeScheduler timer = VirtualTimeScheduler.create();

	private final ReactiveObjectStore store = delayedBy(new EmulatedLatency(LATENCY, Duration.ZERO));

	@AfterEach
	void disposeTimer() {
		this.timer.dispose();
	}

	@Test
	void getEmitsOnlyAfterTheLatency() {
		this.memory.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
		StepVerifier.withVirtualTime(() -> this.store.get(KEY), () -> this.timer, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(JUST_BEFORE)
			.thenAwait(Duration.ofNanos(1))
			.assertNext((object) -> assertThat(object.content()).containsExactly(1))
			.expectComplete()
			.verify(TIMEOUT);
	}

	// The latency stands in front of the operation: nothing is written while it runs.
	@Test
	void putWritesOnlyAfterTheLatency() {
		StepVerifier
			.withVirtualTime(() -> this.store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE),
					() -> this.timer, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(JUST_BEFORE)
			.then(() -> assertThat(this.memory.stats().objects()).isZero())
			.thenAwait(Duration.ofNanos(1))
			.assertNext((result) -> assertThat(result.created()).isTrue())
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.memory.stats().objects()).isOne();
	}

	@Test
	void deleteCompletesOnlyAfterTheLatency() {
		this.memory.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
		StepVerifier.withVirtualTime(() -> this.store.delete(KEY, Preconditions.NONE), () -> this.timer, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(JUST_BEFORE)
			.then(() -> assertThat(this.memory.stats().objects()).isOne())
			.thenAwait(Duration.ofNanos(1))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.memory.stats().objects()).isZero();
	}

	@Test
	void listEmitsOnlyAfterTheLatency() {
		this.memory.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
		StepVerifier
			.withVirtualTime(() -> this.store.list(ListQuery.parse(null, null, null)), () -> this.timer, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(JUST_BEFORE)
			.thenAwait(Duration.ofNanos(1))
			.assertNext((page) -> assertThat(page.items()).extracting(ListingItem::key).containsExactly("k"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void refusalIsSignalledAsAnErrorAfterTheLatency() {
		StepVerifier.withVirtualTime(() -> this.store.get(KEY), () -> this.timer, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(JUST_BEFORE)
			.thenAwait(Duration.ofNanos(1))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ProblemException.class,
					(problem) -> assertThat(problem.type()).isEqualTo(ProblemType.NOT_FOUND)))
			.verify(TIMEOUT);
	}

	@Test
	void jitteredOperationCompletesWithinBasePlusJitter() {
		ReactiveObjectStore jittered = delayedBy(new EmulatedLatency(LATENCY, Duration.ofMillis(50)));
		this.memory.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
		StepVerifier.withVirtualTime(() -> jittered.get(KEY), () -> this.timer, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(JUST_BEFORE)
			.thenAwait(Duration.ofMillis(50).plusNanos(1))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
	}

	// A blocking implementation would hold this thread for an hour; the preemptive
	// timeout turns that into a failure instead of a hang.
	@Test
	void subscribingReturnsAtOnceBecauseTheWaitIsOnlyATimerEntry() {
		ReactiveObjectStore slow = delayedBy(new EmulatedLatency(Duration.ofHours(1), Duration.ZERO));
		AtomicReference<WriteResult> result = new AtomicReference<>();
		assertTimeoutPreemptively(TIMEOUT,
				() -> slow.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE).subscribe(result::set));
		assertThat(result.get()).isNull();
		this.timer.advanceTimeBy(Duration.ofMinutes(59));
		assertThat(result.get()).isNull();
		assertThat(this.memory.stats().objects()).isZero();
		this.timer.advanceTimeBy(Duration.ofMinutes(1));
		assertThat(result.get()).isNotNull().extracting(WriteResult::created).isEqualTo(true);
	}

	// Ten thousand requests waiting at once, from one thread, and no thread held: all
	// of them complete on the thread that moves the clock.
	@Test
	void manyPendingOperationsHoldNoThread() {
		this.memory.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
		AtomicInteger completed = new AtomicInteger();
		List<Thread> completingThreads = new ArrayList<>();
		List<Disposable> subscriptions = new ArrayList<>();
		assertTimeoutPreemptively(TIMEOUT, () -> {
			for (int i = 0; i < 10_000; i++) {
				subscriptions.add(this.store.get(KEY).subscribe((object) -> {
					completed.incrementAndGet();
					if (completingThreads.isEmpty()) {
						completingThreads.add(Thread.currentThread());
					}
				}));
			}
		});
		assertThat(completed).hasValue(0);
		this.timer.advanceTimeBy(LATENCY);
		assertThat(completed).hasValue(10_000);
		assertThat(completingThreads).containsExactly(Thread.currentThread());
		assertThat(subscriptions).allMatch(Disposable::isDisposed);
	}

	@Test
	void zeroLatencyRunsTheOperationWithoutATimer() {
		ReactiveObjectStore immediate = delayedBy(EmulatedLatency.NONE);
		this.memory.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
		// The virtual clock never moves here: a timer of any length would never fire.
		assertThat(immediate.get(KEY).map((object) -> Thread.currentThread()).block(TIMEOUT))
			.isSameAs(Thread.currentThread());
	}

	// Without an explicit timer the real parallel scheduler delays the operation.
	@Test
	void defaultTimerDelaysOnReactorsParallelScheduler() {
		Duration latency = Duration.ofMillis(30);
		ReactiveObjectStore real = new LatencyEmulatingReactiveObjectStore(
				new NonBlockingReactiveObjectStore(this.memory), new EmulatedLatency(latency, Duration.ZERO));
		this.memory.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
		long start = System.nanoTime();
		String thread = real.get(KEY).map((object) -> Thread.currentThread().getName()).block(TIMEOUT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(latency);
		assertThat(thread).startsWith("parallel-");
	}

	@Test
	void statsLimitsAndBackendAnswerWithoutDelay() {
		this.memory.put(KEY, new byte[] { 1, 2 }, "text/plain", Preconditions.NONE);
		assertThat(this.store.stats()).isEqualTo(new StorageStats(1, 2));
		assertThat(this.store.limits()).isEqualTo(StorageLimits.DEFAULTS);
		assertThat(this.store.backend()).isEqualTo("memory");
	}

	@Test
	void aWaitLongerThanTheTimeoutEndsAtTheTimeoutWithStorageTimeoutAndWritesNothing() {
		ReactiveObjectStore limited = new LatencyEmulatingReactiveObjectStore(
				new NonBlockingReactiveObjectStore(this.memory),
				new EmulatedLatency(Duration.ofHours(1), Duration.ZERO), this.timer, LATENCY);
		StepVerifier
			.withVirtualTime(() -> limited.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE),
					() -> this.timer, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(JUST_BEFORE)
			.thenAwait(Duration.ofNanos(1))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ProblemException.class,
					(problem) -> assertThat(problem.type()).isEqualTo(ProblemType.STORAGE_TIMEOUT)))
			.verify(TIMEOUT);
		assertThat(this.memory.stats().objects()).isZero();
	}

	// The request's deadline, from the Reactor context, is 40 ms away (a clock that
	// stands
	// still), the storage timeout 100 ms: the wait ends at the deadline instead.
	@Test
	void aRequestDeadlineEarlierThanTheTimeoutEndsTheWaitThereWithStorageTimeoutAndWritesNothing() {
		Duration budget = Duration.ofMillis(40);
		RequestDeadline deadline = RequestDeadline.start(budget,
				Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
		ReactiveObjectStore limited = new LatencyEmulatingReactiveObjectStore(
				new NonBlockingReactiveObjectStore(this.memory),
				new EmulatedLatency(Duration.ofHours(1), Duration.ZERO), this.timer, LATENCY);
		StepVerifier
			.withVirtualTime(
					() -> limited.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE)
						.contextWrite(Context.of(RequestDeadline.CONTEXT_KEY, deadline)),
					() -> this.timer, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(budget.minusNanos(1))
			.thenAwait(Duration.ofNanos(1))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ProblemException.class,
					(problem) -> assertThat(problem.type()).isEqualTo(ProblemType.STORAGE_TIMEOUT)))
			.verify(TIMEOUT);
		assertThat(this.memory.stats().objects()).isZero();
	}

	private ReactiveObjectStore delayedBy(EmulatedLatency latency) {
		return new LatencyEmulatingReactiveObjectStore(new NonBlockingReactiveObjectStore(this.memory), latency,
				this.timer);
	}

}
