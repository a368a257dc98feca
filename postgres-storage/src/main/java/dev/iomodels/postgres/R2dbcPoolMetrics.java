package dev.iomodels.postgres;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The meters of the R2DBC connection pool, named as Spring Boot names them
 * ({@code r2dbc.pool.acquired}, {@code .allocated}, {@code .idle}, {@code .pending},
 * {@code .max.allocated}, {@code .max.pending}, tagged {@code name}), plus what Boot does
 * not measure and HikariCP does for the JDBC services: {@value #ACQUIRE_TIMER}, the time
 * from asking the pool for a connection to getting one (or failing to). Together they
 * answer the same questions as HikariCP's {@code hikaricp.connections.*} meters.
 */
final class R2dbcPoolMetrics {

	/** The timer of connection acquisition. */
	static final String ACQUIRE_TIMER = "r2dbc.pool.acquire";

	private R2dbcPoolMetrics() {
	}

	/**
	 * Register the pool's gauges.
	 * @param pool the pool
	 * @param name its name, the {@code name} tag
	 * @param registry where the gauges go
	 */
	static void bind(ConnectionPool pool, String name, MeterRegistry registry) {
		PoolMetrics metrics = pool.getMetrics()
			.orElseThrow(() -> new IllegalStateException("The R2DBC pool was built without metrics"));
		gauge(registry, name, "acquired", "Connections handed out and not yet given back", metrics,
				PoolMetrics::acquiredSize);
		gauge(registry, name, "allocated", "Connections open, idle or handed out", metrics, PoolMetrics::allocatedSize);
		gauge(registry, name, "idle", "Connections open and idle", metrics, PoolMetrics::idleSize);
		gauge(registry, name, "pending", "Requests waiting for a connection", metrics, PoolMetrics::pendingAcquireSize);
		gauge(registry, name, "max.allocated", "The pool's maximum size", metrics, PoolMetrics::getMaxAllocatedSize);
		gauge(registry, name, "max.pending", "The most requests that may wait for a connection", metrics,
				PoolMetrics::getMaxPendingAcquireSize);
	}

	/**
	 * Time every acquisition of a connection from a factory (the pool).
	 * @param factory the pool
	 * @param name its name, the {@code name} tag
	 * @param registry where the timer goes
	 * @return the factory to use instead
	 */
	static ConnectionFactory timed(ConnectionFactory factory, String name, MeterRegistry registry) {
		Timer success = acquireTimer(registry, name, "success");
		Timer failure = acquireTimer(registry, name, "failure");
		return new TimedConnectionFactory(factory, success, failure, registry.config().clock());
	}

	private static Timer acquireTimer(MeterRegistry registry, String name, String outcome) {
		return Timer.builder(ACQUIRE_TIMER)
			.description("Time to get a connection from the R2DBC pool")
			.tags("name", name, "outcome", outcome)
			.register(registry);
	}

	private static void gauge(MeterRegistry registry, String name, String metric, String description,
			PoolMetrics metrics, ToDoubleFunction<PoolMetrics> value) {
		Gauge.builder("r2dbc.pool." + metric, metrics, value)
			.description(description)
			.baseUnit("connections")
			.tag("name", name)
			.register(registry);
	}

	/**
	 * A connection factory that times {@link #create()}: from subscription to the
	 * connection, or to the failure.
	 */
	private record TimedConnectionFactory(ConnectionFactory delegate, Timer success, Timer failure,
			io.micrometer.core.instrument.Clock clock) implements ConnectionFactory {

		@Override
		public Publisher<? extends Connection> create() {
			return Mono.defer(() -> {
				long start = this.clock.monotonicTime();
				return Mono.<Connection>from(this.delegate.create())
					.doOnSuccess((connection) -> this.success.record(this.clock.monotonicTime() - start,
							TimeUnit.NANOSECONDS))
					.doOnError((ex) -> this.failure.record(this.clock.monotonicTime() - start, TimeUnit.NANOSECONDS));
			});
		}

		@Override
		public ConnectionFactoryMetadata getMetadata() {
			return this.delegate.getMetadata();
		}

	}

}
