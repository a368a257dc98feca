package dev.iomodels.storage.latency;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.iomodels.storage.InMemoryObjectStore;
import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.RequestDeadline;
import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.StorageStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.iomodels.storage.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class LatencyEmulatingObjectStoreTests {

	private static final Duration BASE = Duration.ofMillis(40);

	private static final ObjectKey KEY = ObjectKey.of("k");

	private final InMemoryObjectStore delegate = new InMemoryObjectStore(StorageLimits.DEFAULTS);

	@AfterEach
	void clearInterruptStatus() {
		// Some tests interrupt the test thread on purpose; do not leak that to the next.
		Thread.interrupted();
	}

	// Only a lower bound: a loaded machine may wake the thread late, never early.
	@Test
	void everyOperationHoldsTheCallingThreadForAtLeastTheBaseLatency() {
		ObjectStore store = new LatencyEmulatingObjectStore(this.delegate, new EmulatedLatency(BASE, Duration.ZERO));
		assertThat(elapsed(() -> store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE)))
			.isGreaterThanOrEqualTo(BASE);
		assertThat(elapsed(() -> store.get(KEY))).isGreaterThanOrEqualTo(BASE);
		assertThat(elapsed(() -> store.list(ListQuery.parse(null, null, null)))).isGreaterThanOrEqualTo(BASE);
		assertThat(elapsed(() -> store.delete(KEY, Preconditions.NONE))).isGreaterThanOrEqualTo(BASE);
		assertThat(this.delegate.stats()).isEqualTo(new StorageStats(0, 0));
	}

	@Test
	void refusalComesAfterTheLatencyToo() {
		ObjectStore store = new LatencyEmulatingObjectStore(this.delegate, new EmulatedLatency(BASE, Duration.ZERO));
		assertThat(elapsed(() -> assertProblem(() -> store.get(KEY), ProblemType.NOT_FOUND)))
			.isGreaterThanOrEqualTo(BASE);
	}

	@Test
	void operationOnAVirtualThreadWaitsAtLeastTheBaseLatency() throws InterruptedException {
		ObjectStore store = new LatencyEmulatingObjectStore(this.delegate, new EmulatedLatency(BASE, Duration.ZERO));
		AtomicLong elapsedNanos = new AtomicLong(-1);
		AtomicBoolean virtual = new AtomicBoolean();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread thread = Thread.ofVirtual().unstarted(() -> {
			try {
				virtual.set(Thread.currentThread().isVirtual());
				elapsedNanos
					.set(elapsed(() -> store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE)).toNanos());
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		});
		thread.start();
		assertThat(thread.join(Duration.ofSeconds(10))).as("virtual thread finished").isTrue();
		assertThat(failure.get()).isNull();
		assertThat(virtual.get()).isTrue();
		assertThat(Duration.ofNanos(elapsedNanos.get())).isGreaterThanOrEqualTo(BASE);
		assertThat(this.delegate.get(KEY).content()).containsExactly(1);
	}

	// The wait is the calling thread's own: while it lasts, the platform thread that
	// called is parked inside this store and can serve nothing else, and the operation
	// has not run yet. No timing is asserted: the thread is observed in the wait.
	@Test
	void theWaitHoldsTheCallingPlatformThreadInsideTheStore() throws InterruptedException {
		ObjectStore store = new LatencyEmulatingObjectStore(this.delegate,
				new EmulatedLatency(Duration.ofHours(1), Duration.ZERO));
		AtomicReference<Throwable> outcome = new AtomicReference<>();
		Thread caller = Thread.ofPlatform().start(() -> {
			try {
				store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
			}
			catch (Throwable ex) {
				outcome.set(ex);
			}
		});
		try {
			awaitAll(List.of(caller), "the platform thread waiting inside the store");
			assertThat(caller.isVirtual()).isFalse();
			assertThat(this.delegate.stats()).isEqualTo(new StorageStats(0, 0));
		}
		finally {
			caller.interrupt();
			assertThat(caller.join(Duration.ofSeconds(10))).as("caller ended").isTrue();
		}
		// Ending the caller's wait ended the operation: the wait was on that thread.
		assertThat(outcome.get()).isInstanceOf(IllegalStateException.class)
			.hasCauseInstanceOf(InterruptedException.class);
		assertThat(this.delegate.stats()).isEqualTo(new StorageStats(0, 0));
	}

	// A virtual thread that waits unmounts: many more virtual threads than the scheduler
	// has carriers are all inside the wait at once, and they did not take a platform
	// thread each. Were the wait pinning its carrier, at most as many as there are
	// carriers could be in it, and the others would stay queued.
	@Test
	void virtualThreadsWaitingInTheStoreUnmountFromTheirCarriers() throws InterruptedException {
		ObjectStore store = new LatencyEmulatingObjectStore(this.delegate,
				new EmulatedLatency(Duration.ofHours(1), Duration.ZERO));
		int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
				Runtime.getRuntime().availableProcessors());
		int waiters = Math.max(64, 8 * carriers);
		int platformThreadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
		List<Thread> threads = new ArrayList<>();
		try {
			for (int i = 0; i < waiters; i++) {
				threads.add(Thread.ofVirtual().start(() -> {
					try {
						store.get(KEY);
					}
					catch (RuntimeException ex) {
						// Interrupted at the end of the test, as intended.
					}
				}));
			}
			awaitAll(threads, "virtual threads waiting inside the store");
			assertThat(ManagementFactory.getThreadMXBean().getThreadCount() - platformThreadsBefore)
				.as("platform threads added for %d waiting virtual threads", waiters)
				.isLessThan(waiters);
		}
		finally {
			threads.forEach(Thread::interrupt);
			for (Thread thread : threads) {
				assertThat(thread.join(Duration.ofSeconds(10))).as("virtual thread ended").isTrue();
			}
		}
	}

	// An interrupted thread cannot sleep, not even for zero time: if the store tried to
	// wait, the call would fail.
	@Test
	void zeroLatencyDoesNotSleep() {
		ObjectStore store = new LatencyEmulatingObjectStore(this.delegate, EmulatedLatency.NONE);
		Thread.currentThread().interrupt();
		store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
		assertThat(store.get(KEY).content()).containsExactly(1);
		assertThat(Thread.currentThread().isInterrupted()).isTrue();
	}

	@Test
	void interruptedWaitFailsWithoutCallingTheStoreAndKeepsTheInterruptStatus() {
		ObjectStore store = new LatencyEmulatingObjectStore(this.delegate,
				new EmulatedLatency(Duration.ofHours(1), Duration.ZERO));
		// Preemptive: a store that ignored the interrupt must not hang the build.
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			Thread.currentThread().interrupt();
			assertThatIllegalStateException()
				.isThrownBy(() -> store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE))
				.withCauseInstanceOf(InterruptedException.class);
			assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
		});
		assertThat(this.delegate.stats().objects()).isZero();
	}

	// Metrics gauges read these: they must answer at once, whatever the latency.
	// An hour of latency against a 40 ms timeout: the write is given up at the timeout,
	// not after the hour, and it is not applied.
	@Test
	void aWaitLongerThanTheTimeoutIsGivenUpAtTheTimeoutAndTheWriteIsNotApplied() {
		ObjectStore store = new LatencyEmulatingObjectStore(this.delegate,
				new EmulatedLatency(Duration.ofHours(1), Duration.ZERO), BASE);
		assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> assertThat(elapsed(
						() -> assertProblem(() -> store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE),
								ProblemType.STORAGE_TIMEOUT)))
					.isGreaterThanOrEqualTo(BASE));
		assertThat(this.delegate.stats()).isEqualTo(new StorageStats(0, 0));
	}

	// The request's deadline is 40 ms away (a clock that stands still), the storage
	// timeout an hour: the wait is cut at the deadline, with the same storage-timeout.
	@Test
	void aRequestDeadlineEarlierThanTheTimeoutCutsTheWaitThereAndTheWriteIsNotApplied() {
		RequestDeadline deadline = RequestDeadline.start(BASE,
				Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
		ObjectStore store = new LatencyEmulatingObjectStore(this.delegate,
				new EmulatedLatency(Duration.ofHours(1), Duration.ZERO), Duration.ofHours(1), () -> deadline);
		assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> assertProblem(() -> store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE),
						ProblemType.STORAGE_TIMEOUT));
		assertThat(this.delegate.stats()).isEqualTo(new StorageStats(0, 0));
	}

	@Test
	void aRequestDeadlineLaterThanTheWaitLetsTheOperationRun() {
		RequestDeadline deadline = RequestDeadline.start(Duration.ofHours(1),
				Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
		ObjectStore store = new LatencyEmulatingObjectStore(this.delegate, new EmulatedLatency(BASE, Duration.ZERO),
				Duration.ofSeconds(10), () -> deadline);
		store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
		assertThat(this.delegate.stats()).isEqualTo(new StorageStats(1, 1));
	}

	@Test
	void aWaitWithinTheTimeoutRunsTheOperation() {
		ObjectStore store = new LatencyEmulatingObjectStore(this.delegate, new EmulatedLatency(BASE, Duration.ZERO),
				Duration.ofSeconds(10));
		store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
		assertThat(this.delegate.stats()).isEqualTo(new StorageStats(1, 1));
	}

	@Test
	void statsLimitsAndBackendDoNotWait() {
		ObjectStore store = new LatencyEmulatingObjectStore(this.delegate,
				new EmulatedLatency(Duration.ofHours(1), Duration.ZERO));
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			assertThat(store.stats()).isEqualTo(new StorageStats(0, 0));
			assertThat(store.limits()).isEqualTo(StorageLimits.DEFAULTS);
			assertThat(store.backend()).isEqualTo("memory");
		});
	}

	/**
	 * Wait, at most ten seconds, until every thread is parked in a timed wait inside
	 * {@link LatencyEmulatingObjectStore}, and fail if they do not all get there.
	 */
	private static void awaitAll(List<Thread> threads, String what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		long waiting = 0;
		while (System.nanoTime() < deadline) {
			waiting = threads.stream().filter(LatencyEmulatingObjectStoreTests::isWaitingInTheStore).count();
			if (waiting == threads.size()) {
				return;
			}
			Thread.sleep(10);
		}
		assertThat(waiting).as(what).isEqualTo(threads.size());
	}

	private static boolean isWaitingInTheStore(Thread thread) {
		return thread.getState() == Thread.State.TIMED_WAITING && Arrays.stream(thread.getStackTrace())
			.anyMatch((frame) -> frame.getClassName().equals(LatencyEmulatingObjectStore.class.getName()));
	}

	private static Duration elapsed(Runnable operation) {
		long start = System.nanoTime();
		operation.run();
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
