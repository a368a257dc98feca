package dev.iomodels.remote;

import java.net.http.HttpClient;

import io.netty.channel.ChannelOption;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.ReactorClientHttpRequestFactory;

/**
 * The request factories {@code RestClient} runs on, one per
 * {@code storage.remote.client}, each given the same connect timeout, answer timeout and
 * keep-alive, and, where the client has a pool, a pool of {@code max-connections}.
 */
final class BlockingClients {

	private BlockingClients() {
	}

	/**
	 * Create the request factory of a client. Classes of Apache HttpClient and Reactor
	 * Netty are only touched when that client is chosen.
	 * @param properties the settings
	 * @return the factory; the caller closes it if it is {@link AutoCloseable}
	 */
	static ClientHttpRequestFactory create(RemoteStorageProperties properties) {
		return switch (properties.client()) {
			case JDK -> jdk(properties);
			case APACHE -> Apache.create(properties);
			case REACTOR -> Reactor.create(properties);
		};
	}

	/**
	 * The JDK's client keeps idle connections as long as
	 * {@code jdk.httpclient.keepalive.timeout} says (a JVM-wide setting, read once when
	 * its first client starts), and it has no bound on connections:
	 * {@link ConnectionLimit} is the bound.
	 */
	private static ClientHttpRequestFactory jdk(RemoteStorageProperties properties) {
		if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
			System.setProperty("jdk.httpclient.keepalive.timeout",
					Long.toString(Math.max(1, properties.keepAlive().toSeconds())));
		}
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
		factory.setReadTimeout(properties.clientReadTimeout());
		return factory;
	}

	private static final class Apache {

		static ClientHttpRequestFactory create(RemoteStorageProperties properties) {
			CloseableHttpClient client = HttpClients.custom()
				.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
					.setMaxConnTotal(properties.maxConnections())
					.setMaxConnPerRoute(properties.maxConnections())
					.setDefaultConnectionConfig(ConnectionConfig.custom()
						.setConnectTimeout(Timeout.of(properties.connectTimeout()))
						.setSocketTimeout(Timeout.of(properties.clientReadTimeout()))
						.build())
					.build())
				.setDefaultRequestConfig(RequestConfig.custom()
					.setConnectionRequestTimeout(Timeout.of(properties.pendingAcquireTimeout()))
					.setResponseTimeout(Timeout.of(properties.clientReadTimeout()))
					.build())
				.setKeepAliveStrategy((response, context) -> TimeValue.of(properties.keepAlive()))
				.evictIdleConnections(TimeValue.of(properties.keepAlive()))
				.disableAutomaticRetries()
				.build();
			return new HttpComponentsClientHttpRequestFactory(client);
		}

	}

	private static final class Reactor {

		static ClientHttpRequestFactory create(RemoteStorageProperties properties) {
			ReactorClientHttpRequestFactory factory = new ReactorClientHttpRequestFactory(
					reactor.netty.http.client.HttpClient.create(ReactiveClients.provider(properties, null))
						.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis()));
			factory.setReadTimeout(properties.clientReadTimeout());
			return factory;
		}

	}

}
