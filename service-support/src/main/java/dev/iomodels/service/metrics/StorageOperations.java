package dev.iomodels.service.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ReactiveObjectStore;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The {@value #METER_NAME} timer: how long each storage operation takes as the web
 * adapter sees it, emulated latency included, tagged with the {@code operation}
 * ({@code get}, {@code put}, {@code delete}, {@code list}) and its {@code outcome}:
 * {@value #SUCCESS}, the problem type that refused it (e.g. {@code not-found},
 * {@code precondition-failed}, {@code storage-full}), {@value #ERROR} for any other
 * failure, or {@value #CANCELLED} when the reactive caller stopped waiting (a client that
 * went away). Both ports are timed by this one definition, so the three services' storage
 * latencies can be compared directly with their HTTP latencies.
 */
public final class StorageOperations {

	/** The timer's name. */
	public static final String METER_NAME = "storage.operations";

	static final String SUCCESS = "success";

	static final String ERROR = "error";

	static final String CANCELLED = "cancelled";

	private final MeterProvider<Timer> timers;

	/**
	 * The timers already looked up, per operation and outcome: building the tags and
	 * finding the meter on every call cost more than recording into it.
	 */
	private final Map<Operation, Map<String, Timer>> found = new EnumMap<>(Operation.class);

	private final Clock clock;

	StorageOperations(MeterRegistry registry) {
		this.timers = Timer.builder(METER_NAME)
			.description("Storage operations as the web adapter sees them, emulated latency included")
			.withRegistry(registry);
		this.clock = registry.config().clock();
		for (Operation operation : Operation.values()) {
			this.found.put(operation, new ConcurrentHashMap<>());
		}
	}

	/**
	 * Time every operation of a blocking port.
	 * @param store the port
	 * @param registry where the timer goes
	 * @return the timed port
	 */
	public static ObjectStore timed(ObjectStore store, MeterRegistry registry) {
		return new TimedObjectStore(store, new StorageOperations(registry));
	}

	/**
	 * Time every operation of a reactive port, from subscription to its signal, without
	 * blocking.
	 * @param store the port
	 * @param registry where the timer goes
	 * @return the timed port
	 */
	public static ReactiveObjectStore timed(ReactiveObjectStore store, MeterRegistry registry) {
		return new TimedReactiveObjectStore(store, new StorageOperations(registry));
	}

	long start() {
		return this.clock.monotonicTime();
	}

	void record(Operation operation, String outcome, long start) {
		this.found.get(operation)
			.computeIfAbsent(outcome, (tag) -> this.timers.withTags("operation", operation.tag, "outcome", tag))
			.record(this.clock.monotonicTime() - start, TimeUnit.NANOSECONDS);
	}

	static String outcomeOf(Throwable failure) {
		return (failure instanceof ProblemException problem) ? problem.type().slug() : ERROR;
	}

	/** The operations of the storage ports that are timed. */
	enum Operation {

		GET("get"), PUT("put"), DELETE("delete"), LIST("list");

		private final String tag;

		Operation(String tag) {
			this.tag = tag;
		}

	}

}
