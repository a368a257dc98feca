package dev.iomodels.remote;

import dev.iomodels.service.BackendSettings;
import dev.iomodels.service.ObjectStoreEngine;
import dev.iomodels.service.ReactiveObjectStoreEngine;
import dev.iomodels.service.RequestTimeouts;
import dev.iomodels.service.StorageAutoConfiguration;
import dev.iomodels.service.StorageProperties;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The remote backend ({@code storage.backend=remote}): the blocking port over
 * {@link RestClient} for a servlet service, the reactive port over {@link WebClient} for
 * a reactive one, both to the storage node at {@code storage.remote.url} with the same
 * connection limits and timeouts. It provides the bare engine only;
 * {@link StorageAutoConfiguration} wraps it like every backend's. The latency is the
 * node's: the services' own emulated latency stays at its default of zero.
 */
@AutoConfiguration(before = StorageAutoConfiguration.class)
@ConditionalOnProperty(name = "storage.backend", havingValue = "remote")
@EnableConfigurationProperties({ RemoteStorageProperties.class, StorageProperties.class })
public class RemoteStorageAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class BlockingRemoteStorageConfiguration {

		@Bean
		ClientHttpRequestFactory storageNodeRequestFactory(RemoteStorageProperties properties) {
			return BlockingClients.create(properties);
		}

		@Bean
		ObjectStoreEngine remoteObjectStoreEngine(ClientHttpRequestFactory storageNodeRequestFactory,
				RemoteStorageProperties properties, StorageProperties storage,
				ObjectProvider<MeterRegistry> meterRegistry) {
			RestClient client = RestClient.builder()
				.baseUrl(properties.url().toString())
				.requestFactory(storageNodeRequestFactory)
				.build();
			ConnectionLimit connections = new ConnectionLimit(properties, meterRegistry.getIfAvailable());
			return new ObjectStoreEngine(new RemoteObjectStore(client, connections, properties, storage.limits(),
					storage.operationTimeout(), RequestTimeouts::ofCurrentServletRequest));
		}

		@Bean
		BackendSettings remoteBackendSettings(RemoteStorageProperties properties) {
			return () -> properties.describe(properties.client().id());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass({ WebClient.class, ConnectionProvider.class })
	static class ReactiveRemoteStorageConfiguration {

		@Bean(destroyMethod = "dispose")
		ConnectionProvider storageNodeConnections(RemoteStorageProperties properties,
				ObjectProvider<MeterRegistry> meterRegistry) {
			return ReactiveClients.provider(properties, meterRegistry.getIfAvailable());
		}

		@Bean
		ReactiveObjectStoreEngine remoteReactiveObjectStoreEngine(ConnectionProvider storageNodeConnections,
				RemoteStorageProperties properties, StorageProperties storage,
				ObjectProvider<MeterRegistry> meterRegistry) {
			return new ReactiveObjectStoreEngine(new ReactiveRemoteObjectStore(
					ReactiveClients.webClient(properties, storageNodeConnections, meterRegistry.getIfAvailable(),
							storage.maxObjectSize().toBytes()),
					properties, storage.limits(), storage.operationTimeout()));
		}

		@Bean
		BackendSettings remoteBackendSettings(RemoteStorageProperties properties) {
			return () -> properties.describe("webclient-reactor-netty");
		}

	}

}
