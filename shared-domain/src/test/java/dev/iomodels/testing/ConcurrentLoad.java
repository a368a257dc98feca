package dev.iomodels.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Sends many requests at once from this JVM and watches something (a thread count) while
 * they are in flight. Used by the services' tests to show what each I/O model does with
 * the threads of the process, without any timing assertion.
 */
public final class ConcurrentLoad {

	private ConcurrentLoad() {
	}

	/**
	 * Send {@code count} GET requests at once and sample a figure every few milliseconds
	 * until all have answered.
	 * @param uri the target, on loopback
	 * @param count how many requests are in flight at once
	 * @param timeout the most the whole batch may take; a slower batch fails the test
	 * @param sample the figure to watch, e.g. a thread count
	 * @return the statuses and the largest sampled value
	 * @throws Exception if a request fails or the batch times out
	 */
	public static Result getConcurrently(URI uri, int count, Duration timeout, IntSupplier sample) throws Exception {
		// Virtual threads on the client side, so that the client's own threads do not
		// show up in a platform-thread count taken in this JVM.
		try (ExecutorService clientThreads = Executors.newVirtualThreadPerTaskExecutor();
				HttpClient client = HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.executor(clientThreads)
					.connectTimeout(Duration.ofSeconds(10))
					.build()) {
			HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
			List<CompletableFuture<HttpResponse<Void>>> responses = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				responses.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
			}
			CompletableFuture<Void> all = CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new));
			AtomicBoolean done = new AtomicBoolean();
			all.whenComplete((ignored, failure) -> done.set(true));
			int max = sample.getAsInt();
			long deadline = System.nanoTime() + timeout.toNanos();
			while (!done.get() && System.nanoTime() < deadline) {
				max = Math.max(max, sample.getAsInt());
				Thread.sleep(10);
			}
			all.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			List<Integer> statuses = responses.stream().map((r) -> r.join().statusCode()).toList();
			return new Result(statuses, max);
		}
	}

	/**
	 * Count the platform threads that are, right now, inside a method of the given class,
	 * e.g. waiting in the emulated storage latency. Virtual threads are not counted (and
	 * {@link Thread#getAllStackTraces()} does not list them).
	 * @param type the class whose frames to look for
	 * @return the count
	 */
	public static int platformThreadsInside(Class<?> type) {
		String name = type.getName();
		int count = 0;
		for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
			if (thread.getKey().isVirtual()) {
				continue;
			}
			for (StackTraceElement frame : thread.getValue()) {
				if (frame.getClassName().equals(name)) {
					count++;
					break;
				}
			}
		}
		return count;
	}

	/**
	 * What a batch returned.
	 *
	 * @param statuses the status of every response
	 * @param maxSample the largest value sampled while the batch was in flight
	 */
	public record Result(List<Integer> statuses, int maxSample) {

	}

}
