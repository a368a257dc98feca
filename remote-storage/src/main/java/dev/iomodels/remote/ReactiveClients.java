package dev.iomodels.remote;

import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Reactor Netty's pool of connections to the node, with the settings every client gets,
 * and the WebClient of the reactive port on it. Reactor Netty's pool bounds the
 * connections, the waiting requests and their wait natively, without a thread: a waiting
 * request is an entry in its queue, and the wait's timeout a timer.
 */
final class ReactiveClients {

	/** The pool's name. */
	static final String POOL_NAME = "storage-node";

	/**
	 * The key of the Reactor context entry that holds when an exchange began to wait for
	 * its connection ({@link System#nanoTime()}).
	 */
	static final String ACQUIRE_START = ReactiveClients.class.getName() + ".acquireStart";

	private ReactiveClients() {
	}

	/**
	 * Create the pool.
	 * @param properties the settings
	 * @param registry where its meters go, or {@code null} for none
	 * @return the pool
	 */
	static ConnectionProvider provider(RemoteStorageProperties properties, MeterRegistry registry) {
		ConnectionProvider.Builder builder = ConnectionProvider.builder(POOL_NAME)
			.maxConnections(properties.maxConnections())
			.pendingAcquireMaxCount(properties.pendingAcquireMaxCount())
			.pendingAcquireTimeout(properties.pendingAcquireTimeout())
			.maxIdleTime(properties.keepAlive());
		if (registry != null) {
			builder.metrics(true, () -> new Registrar(registry));
		}
		return builder.build();
	}

	/**
	 * Create the WebClient of the reactive port. The time each exchange waited for its
	 * connection is recorded when the request goes out on it, from the start that the
	 * exchange put in its Reactor context ({@link #ACQUIRE_START}); the pool reports the
	 * waits that failed.
	 * @param properties the settings
	 * @param provider the pool
	 * @param registry where the acquire timer goes, or {@code null} for none
	 * @param maxObjectSize the largest object, which a read's answer holds in memory at
	 * once (WebClient's default buffer is 256 KiB)
	 * @return the client
	 */
	static WebClient webClient(RemoteStorageProperties properties, ConnectionProvider provider, MeterRegistry registry,
			long maxObjectSize) {
		HttpClient http = HttpClient.create(provider)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
			.responseTimeout(properties.clientReadTimeout());
		if (registry != null) {
			Timer acquired = RemotePoolMetrics.acquireTimer(registry, "success");
			http = http.doOnRequest((request, connection) -> {
				Long start = request.currentContextView().getOrDefault(ACQUIRE_START, null);
				if (start != null) {
					acquired.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
				}
			});
		}
		// A listing page of 1,000 items, each with a 256-character key and Content-Type,
		// is
		// well under a MiB.
		int maxAnswer = (int) Math.min(Integer.MAX_VALUE, maxObjectSize + 1024 * 1024);
		return WebClient.builder()
			.baseUrl(properties.url().toString())
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(maxAnswer))
			.clientConnector(new ReactorClientHttpConnector(http))
			.build();
	}

	/**
	 * Publishes the pool's figures under the names every service uses
	 * ({@link RemotePoolMetrics}), and the waits for a connection that failed.
	 */
	private static final class Registrar implements ConnectionProvider.MeterRegistrar {

		private final MeterRegistry registry;

		private final Timer refused;

		Registrar(MeterRegistry registry) {
			this.registry = registry;
			this.refused = RemotePoolMetrics.acquireTimer(registry, "failure");
		}

		@Override
		public void registerMetrics(String poolName, String id, SocketAddress remoteAddress,
				ConnectionPoolMetrics metrics) {
			RemotePoolMetrics.gauges(this.registry, metrics, ConnectionPoolMetrics::acquiredSize,
					ConnectionPoolMetrics::pendingAcquireSize, ConnectionPoolMetrics::maxAllocatedSize);
		}

		@Override
		public void recordPendingAcquireFailure(String poolName, String id, SocketAddress remoteAddress, long time) {
			this.refused.record(time, TimeUnit.NANOSECONDS);
		}

	}

}
