package dev.iomodels.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one task per platform thread and releases them all at once through a start gate,
 * so that they really contend instead of running one after the other as they are
 * submitted. Every wait is bounded, so a deadlock fails the test instead of hanging it.
 */
final class Contention implements AutoCloseable {

	static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final int threads;

	private final ExecutorService executor;

	Contention(int threads) {
		this.threads = threads;
		this.executor = Executors.newFixedThreadPool(threads);
	}

	/**
	 * Run one task per thread, all started together.
	 * @param tasks makes the task of thread {@code i}
	 * @return the outcome of every task, in thread order
	 */
	<T> List<Outcome<T>> run(IntFunction<Callable<T>> tasks) throws Exception {
		CountDownLatch ready = new CountDownLatch(this.threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		for (int i = 0; i < this.threads; i++) {
			Callable<T> task = tasks.apply(i);
			futures.add(this.executor.submit(() -> {
				ready.countDown();
				if (!start.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new IllegalStateException("The start gate never opened");
				}
				return task.call();
			}));
		}
		assertThat(ready.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("every thread at the gate").isTrue();
		start.countDown();
		List<Outcome<T>> outcomes = new ArrayList<>();
		for (Future<T> future : futures) {
			try {
				outcomes.add(new Outcome<>(future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), null));
			}
			catch (ExecutionException ex) {
				outcomes.add(new Outcome<>(null, ex.getCause()));
			}
		}
		return outcomes;
	}

	static <T> List<Outcome<T>> successes(List<Outcome<T>> outcomes) {
		return outcomes.stream().filter(Outcome::succeeded).toList();
	}

	static List<ProblemType> refusals(List<? extends Outcome<?>> outcomes) {
		return outcomes.stream().filter((outcome) -> !outcome.succeeded()).map(Outcome::problemType).toList();
	}

	@Override
	public void close() throws InterruptedException {
		this.executor.shutdownNow();
		assertThat(this.executor.awaitTermination(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
			.as("contending threads stopped")
			.isTrue();
	}

	/**
	 * What one task ended with: a value, or the exception it threw.
	 *
	 * @param value the value, if it succeeded
	 * @param failure the exception, if it failed
	 */
	record Outcome<T>(T value, Throwable failure) {

		boolean succeeded() {
			return this.failure == null;
		}

		/**
		 * Return the problem type of a refusal; any other exception is a test failure.
		 * @return the type
		 */
		ProblemType problemType() {
			assertThat(this.failure).isInstanceOf(ProblemException.class);
			return ((ProblemException) Objects.requireNonNull(this.failure)).type();
		}

	}

}
