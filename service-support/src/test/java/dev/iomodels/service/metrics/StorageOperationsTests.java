package dev.iomodels.service.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.iomodels.storage.InMemoryObjectStore;
import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.NonBlockingReactiveObjectStore;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ReactiveObjectStore;
import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.StoredObject;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class StorageOperationsTests {

	private static final ObjectKey KEY = ObjectKey.of("greeting");

	private static final byte[] HELLO = { 'h', 'i' };

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);

	@Test
	void blockingOperationsAreTimedByOperationAndOutcome() {
		ObjectStore store = StorageOperations.timed(new InMemoryObjectStore(StorageLimits.DEFAULTS), this.registry);

		store.put(KEY, HELLO, "text/plain", Preconditions.NONE);
		store.get(KEY);
		store.list(ListQuery.parse(null, null, null));
		store.delete(KEY, Preconditions.NONE);
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> store.get(KEY));

		assertThat(timer("put", "success").count()).isOne();
		assertThat(timer("get", "success").count()).isOne();
		assertThat(timer("list", "success").count()).isOne();
		assertThat(timer("delete", "success").count()).isOne();
		assertThat(timer("get", "not-found").count()).isOne();
	}

	@Test
	void blockingTimeIsTheCallsDuration() {
		ObjectStore slow = mock(ObjectStore.class);
		given(slow.get(any())).willAnswer((invocation) -> {
			this.clock.add(Duration.ofMillis(40));
			return object();
		});

		StorageOperations.timed(slow, this.registry).get(KEY);

		assertThat(timer("get", "success").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
	}

	@Test
	void aFailureThatIsNotAProblemIsAnError() {
		ObjectStore broken = mock(ObjectStore.class);
		given(broken.get(any())).willThrow(new IllegalStateException("disk on fire"));

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> StorageOperations.timed(broken, this.registry).get(KEY));

		assertThat(timer("get", "error").count()).isOne();
	}

	@Test
	void reactiveOperationsAreTimedByOperationAndOutcome() {
		ReactiveObjectStore store = StorageOperations
			.timed(new NonBlockingReactiveObjectStore(new InMemoryObjectStore(StorageLimits.DEFAULTS)), this.registry);

		store.put(KEY, HELLO, "text/plain", Preconditions.NONE).block(Duration.ofSeconds(5));
		store.get(KEY).block(Duration.ofSeconds(5));
		store.list(ListQuery.parse(null, null, null)).block(Duration.ofSeconds(5));
		store.delete(KEY, Preconditions.NONE).block(Duration.ofSeconds(5));
		Mono<StoredObject> missing = store.get(KEY);
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> missing.block(Duration.ofSeconds(5)));

		assertThat(timer("put", "success").count()).isOne();
		assertThat(timer("get", "success").count()).isOne();
		assertThat(timer("list", "success").count()).isOne();
		assertThat(timer("delete", "success").count()).isOne();
		assertThat(timer("get", "not-found").count()).isOne();
	}

	@Test
	void reactiveTimeRunsFromSubscriptionToTheSignalNotFromAssembly() {
		ReactiveObjectStore slow = mock(ReactiveObjectStore.class);
		given(slow.get(any())).willReturn(Mono.fromCallable(() -> {
			this.clock.add(Duration.ofMillis(25));
			return object();
		}));
		Mono<StoredObject> get = StorageOperations.timed(slow, this.registry).get(KEY);
		this.clock.add(Duration.ofSeconds(10));

		get.block(Duration.ofSeconds(5));

		assertThat(timer("get", "success").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(25);
	}

	@Test
	void eachSubscriptionIsTimedOnce() {
		ReactiveObjectStore store = StorageOperations
			.timed(new NonBlockingReactiveObjectStore(new InMemoryObjectStore(StorageLimits.DEFAULTS)), this.registry);
		Mono<Void> put = store.put(KEY, HELLO, "text/plain", Preconditions.NONE).then();

		put.block(Duration.ofSeconds(5));
		put.block(Duration.ofSeconds(5));

		assertThat(timer("put", "success").count()).isEqualTo(2);
	}

	@Test
	void aCallerThatStopsWaitingIsRecordedAsCancelled() {
		ReactiveObjectStore hanging = mock(ReactiveObjectStore.class);
		given(hanging.get(any())).willReturn(Mono.never());

		Disposable subscription = StorageOperations.timed(hanging, this.registry).get(KEY).subscribe();
		subscription.dispose();

		assertThat(timer("get", "cancelled").count()).isOne();
	}

	private Timer timer(String operation, String outcome) {
		return this.registry.get(StorageOperations.METER_NAME)
			.tag("operation", operation)
			.tag("outcome", outcome)
			.timer();
	}

	private static StoredObject object() {
		InMemoryObjectStore store = new InMemoryObjectStore(StorageLimits.DEFAULTS);
		store.put(KEY, HELLO, "text/plain", Preconditions.NONE);
		return store.get(KEY);
	}

}
