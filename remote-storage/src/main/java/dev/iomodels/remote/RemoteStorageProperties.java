package dev.iomodels.remote;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code storage.remote.*} settings of the remote backend, identical in meaning and
 * default for the blocking clients and the reactive one, so that every service reaches
 * the node through the same number of connections and gives up after the same time.
 *
 * @param url the storage node, as {@code http://host:port}
 * @param client the blocking client of classic and loom; webflux always uses WebClient on
 * Reactor Netty
 * @param maxConnections the most connections to the node at once; a request needs one for
 * its whole exchange
 * @param pendingAcquireMaxCount the most requests that may wait for a connection; one
 * more is refused at once with 503 {@code storage-unavailable}
 * @param pendingAcquireTimeout the longest wait for a connection; then 503
 * {@code storage-unavailable}
 * @param keepAlive how long an idle connection stays in the pool; shorter than the node's
 * own idle timeout (60 s), so the pool never picks a connection the node is closing
 * @param connectTimeout the longest wait for a new TCP connection; then 503
 * {@code storage-unavailable}
 * @param responseTimeout the longest an operation may take at the node: sent with each
 * request as the node's deadline ({@code Storage-Deadline}, shortened to the storage
 * operation timeout or the request's remaining budget), past which the node answers 504
 * {@code storage-timeout} and applies nothing. The client waits {@link #ANSWER_GRACE}
 * longer for that answer before it gives up on a node that does not answer at all
 */
@ConfigurationProperties("storage.remote")
public record RemoteStorageProperties(@DefaultValue("http://localhost:7070") URI url,
		@DefaultValue("jdk") Client client, @DefaultValue("500") int maxConnections,
		@DefaultValue("10000") int pendingAcquireMaxCount, @DefaultValue("5s") Duration pendingAcquireTimeout,
		@DefaultValue("20s") Duration keepAlive, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("10s") Duration responseTimeout) {

	/**
	 * How much longer than the node's deadline a client waits for its answer: the time
	 * the node's 504 has to arrive.
	 */
	public static final Duration ANSWER_GRACE = Duration.ofSeconds(1);

	public RemoteStorageProperties {
		if (!"http".equals(url.getScheme()) || url.getHost() == null
				|| (url.getPath() != null && !url.getPath().isEmpty() && !url.getPath().equals("/"))) {
			throw new IllegalArgumentException("storage.remote.url must look like http://host:port, not " + url);
		}
		if (maxConnections < 1) {
			throw new IllegalArgumentException("storage.remote.max-connections must be at least 1");
		}
		if (pendingAcquireMaxCount < 0) {
			throw new IllegalArgumentException("storage.remote.pending-acquire-max-count must not be negative");
		}
		for (Duration timeout : new Duration[] { pendingAcquireTimeout, keepAlive, connectTimeout, responseTimeout }) {
			if (!timeout.isPositive()) {
				throw new IllegalArgumentException("storage.remote.* timeouts must be positive, not " + timeout);
			}
		}
	}

	/**
	 * Return the client's own timeout for the node's answer.
	 * @return the response timeout plus {@link #ANSWER_GRACE}
	 */
	public Duration clientReadTimeout() {
		return this.responseTimeout.plus(ANSWER_GRACE);
	}

	/**
	 * Return the settings as {@code /api/v1/info} shows them.
	 * @param clientName the client this service runs
	 * @return the settings by name
	 */
	public Map<String, Object> describe(String clientName) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("url", this.url.toString());
		settings.put("client", clientName);
		settings.put("maxConnections", this.maxConnections);
		settings.put("pendingAcquireMaxCount", this.pendingAcquireMaxCount);
		settings.put("pendingAcquireTimeout", this.pendingAcquireTimeout.toString());
		settings.put("keepAlive", this.keepAlive.toString());
		settings.put("connectTimeout", this.connectTimeout.toString());
		settings.put("responseTimeout", this.responseTimeout.toString());
		return settings;
	}

	/** The blocking clients that {@code RestClient} can run on. */
	public enum Client {

		/**
		 * The JDK's {@code java.net.http.HttpClient}
		 * ({@code JdkClientHttpRequestFactory}).
		 */
		JDK,

		/** Apache HttpClient 5 ({@code HttpComponentsClientHttpRequestFactory}). */
		APACHE,

		/** Reactor Netty, waited on ({@code ReactorClientHttpRequestFactory}). */
		REACTOR;

		String id() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
