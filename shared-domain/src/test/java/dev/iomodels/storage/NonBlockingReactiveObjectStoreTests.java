package dev.iomodels.storage;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class NonBlockingReactiveObjectStoreTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final ObjectKey KEY = ObjectKey.of("k");

	private final InMemoryObjectStore memory = new InMemoryObjectStore(new StorageLimits(16, 10, 1000));

	private final ReactiveObjectStore store = new NonBlockingReactiveObjectStore(this.memory);

	@Test
	void getEmitsTheStoredObject() {
		this.memory.put(KEY, new byte[] { 1, 2 }, "text/plain", Preconditions.NONE);
		StepVerifier.create(this.store.get(KEY))
			.assertNext((object) -> assertThat(object.content()).containsExactly(1, 2))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void getOfAMissingKeySignalsNotFoundAsAnError() {
		StepVerifier.create(this.store.get(KEY))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ProblemException.class,
					(problem) -> assertThat(problem.type()).isEqualTo(ProblemType.NOT_FOUND)))
			.verify(TIMEOUT);
	}

	@Test
	void putEmitsTheWriteResult() {
		StepVerifier.create(this.store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.CREATE_ONLY))
			.assertNext((result) -> {
				assertThat(result.created()).isTrue();
				assertThat(result.metadata().etag()).isEqualTo(ETags.of(new byte[] { 1 }));
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.memory.get(KEY).content()).containsExactly(1);
	}

	// A refusal must travel down the pipeline, not escape from the method that builds it.
	@Test
	void refusedPutIsSignalledAsAnErrorOnlyWhenSubscribed() {
		Mono<WriteResult> tooLarge = this.store.put(KEY, new byte[17], "text/plain", Preconditions.NONE);
		StepVerifier.create(tooLarge)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ProblemException.class,
					(problem) -> assertThat(problem.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE)))
			.verify(TIMEOUT);
		this.memory.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
		StepVerifier.create(this.store.put(KEY, new byte[] { 2 }, "text/plain", Preconditions.CREATE_ONLY))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ProblemException.class,
					(problem) -> assertThat(problem.type()).isEqualTo(ProblemType.PRECONDITION_FAILED)))
			.verify(TIMEOUT);
	}

	@Test
	void deleteCompletesEmptyAndRemovesTheObject() {
		this.memory.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
		StepVerifier.create(this.store.delete(KEY, Preconditions.NONE)).expectComplete().verify(TIMEOUT);
		assertThat(this.memory.stats()).isEqualTo(new StorageStats(0, 0));
	}

	@Test
	void deleteOfAMissingKeySignalsNotFoundAsAnError() {
		StepVerifier.create(this.store.delete(KEY, Preconditions.NONE))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ProblemException.class,
					(problem) -> assertThat(problem.type()).isEqualTo(ProblemType.NOT_FOUND)))
			.verify(TIMEOUT);
	}

	@Test
	void listEmitsOnePage() {
		this.memory.put(ObjectKey.of("b"), new byte[] { 1 }, "text/plain", Preconditions.NONE);
		this.memory.put(ObjectKey.of("a"), new byte[] { 1 }, "text/plain", Preconditions.NONE);
		StepVerifier.create(this.store.list(ListQuery.parse(null, null, null))).assertNext((page) -> {
			assertThat(page.items()).extracting(ListingItem::key).containsExactly("a", "b");
			assertThat(page.nextCursor()).isNull();
		}).expectComplete().verify(TIMEOUT);
	}

	// Reactive semantics: building the Mono must not perform the write.
	@Test
	void nothingHappensUntilSubscription() {
		Mono<WriteResult> put = this.store.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
		Mono<Void> delete = this.store.delete(KEY, Preconditions.NONE);
		assertThat(this.memory.stats().objects()).isZero();
		put.block(TIMEOUT);
		assertThat(this.memory.stats().objects()).isOne();
		delete.block(TIMEOUT);
		assertThat(this.memory.stats().objects()).isZero();
	}

	// The delegate never blocks, so there is no reason to hop to another thread.
	@Test
	void operationRunsOnTheSubscribingThread() {
		this.memory.put(KEY, new byte[] { 1 }, "text/plain", Preconditions.NONE);
		assertThat(this.store.get(KEY).map((object) -> Thread.currentThread()).block(TIMEOUT))
			.isSameAs(Thread.currentThread());
	}

	@Test
	void statsLimitsAndBackendAreTheDelegates() {
		this.memory.put(KEY, new byte[] { 1, 2, 3 }, "text/plain", Preconditions.NONE);
		assertThat(this.store.stats()).isEqualTo(new StorageStats(1, 3));
		assertThat(this.store.limits()).isEqualTo(new StorageLimits(16, 10, 1000));
		assertThat(this.store.backend()).isEqualTo("memory");
	}

}
