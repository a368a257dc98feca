package dev.iomodels.service.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;

/**
 * Times every API request in {@value #METER_NAME}, the meter Spring's HTTP server
 * observation would record, under the same name and tags ({@code method}, {@code uri},
 * {@code status}, {@code outcome}, {@code exception}), so that dashboards, alerts and the
 * comparison read it unchanged. The web stack's first filter calls {@link #start()} when
 * it receives a request and {@link #record} once when the request is over.
 * <p>
 * Why not Spring's observation: it builds an observation context, evaluates predicates,
 * opens a scope and derives five key-values through a convention for every request, and
 * looks the timer up by a freshly built id. Profiled under load that was among the
 * largest costs of the API left beside its bare control on both stacks (see
 * docs/benchmarking.md). Here a request costs one clock read at each end and one lookup
 * in a small map of timers that are registered once per tag combination; the registry's
 * meter filters (histogram buckets, common tags) still apply at that registration.
 * <p>
 * The tags' values stay bounded: {@code uri} is the matched route pattern or one of
 * {@code NOT_FOUND}, {@code REDIRECTION} and {@code UNKNOWN}; a method outside HTTP's
 * standard ones is {@code UNKNOWN}; {@code exception} is the simple class name of an
 * exception that escaped the web stack, else {@code none}.
 */
public final class ServerRequestTimer {

	/** The timer's name. */
	public static final String METER_NAME = "http.server.requests";

	/** The {@code status} of a request whose client went away before the answer. */
	public static final int STATUS_UNKNOWN = 0;

	private static final String UNKNOWN = "UNKNOWN";

	private static final String NO_EXCEPTION = "none";

	private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
			"OPTIONS", "TRACE", "CONNECT");

	private final MeterRegistry registry;

	private final ConcurrentMap<Tags, Timer> timers = new ConcurrentHashMap<>();

	public ServerRequestTimer(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Return the time at which a request starts, to be handed back to {@link #record}.
	 * @return the registry clock's monotonic time
	 */
	public long start() {
		return this.registry.config().clock().monotonicTime();
	}

	/**
	 * Record a request that is over.
	 * @param start what {@link #start()} returned for it
	 * @param method the request's method
	 * @param routePattern the route pattern it matched, or {@code null} if none did
	 * @param status the response's status, or {@link #STATUS_UNKNOWN} if the client went
	 * away first
	 * @param error an exception that escaped the web stack, or {@code null}
	 */
	public void record(long start, String method, String routePattern, int status, Throwable error) {
		long elapsed = this.registry.config().clock().monotonicTime() - start;
		Tags tags = new Tags(STANDARD_METHODS.contains(method) ? method : UNKNOWN, uri(routePattern, status), status,
				(error != null) ? error.getClass().getSimpleName() : NO_EXCEPTION);
		this.timers.computeIfAbsent(tags, this::register).record(elapsed, TimeUnit.NANOSECONDS);
	}

	private static String uri(String routePattern, int status) {
		if (routePattern != null) {
			return routePattern.isEmpty() ? "root" : routePattern;
		}
		if (status >= 300 && status < 400) {
			return "REDIRECTION";
		}
		return (status == 404) ? "NOT_FOUND" : UNKNOWN;
	}

	private Timer register(Tags tags) {
		boolean answered = tags.status() != STATUS_UNKNOWN;
		return Timer.builder(METER_NAME)
			.description("API requests: from the first filter until the response is complete")
			.tag("method", tags.method())
			.tag("uri", tags.uri())
			.tag("status", answered ? Integer.toString(tags.status()) : UNKNOWN)
			.tag("outcome", answered ? Outcome.forStatus(tags.status()).name() : UNKNOWN)
			.tag("exception", tags.exception())
			.register(this.registry);
	}

	private record Tags(String method, String uri, int status, String exception) {
	}

}
