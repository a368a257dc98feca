package dev.iomodels.service;

import java.time.Clock;
import java.util.Map;

import dev.iomodels.service.metrics.StorageOperations;
import dev.iomodels.storage.InMemoryObjectStore;
import dev.iomodels.storage.NonBlockingReactiveObjectStore;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.ReactiveObjectStore;
import dev.iomodels.storage.latency.LatencyEmulatingObjectStore;
import dev.iomodels.storage.latency.LatencyEmulatingReactiveObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the storage port a service's web stack needs, over one engine: the blocking
 * port for a servlet service, the reactive port for a reactive one, each with the
 * emulated latency done the way its I/O model waits, and each operation timed
 * ({@link StorageOperations}) when the service has a meter registry. The timing is the
 * outermost layer, so it includes the emulated latency, as a client of a remote store
 * would see it. The in-memory engine is this configuration's own; other backends
 * ({@code storage.backend=postgres}, {@code remote}) come from their own modules, which
 * provide only the bare engine ({@link ObjectStoreEngine},
 * {@link ReactiveObjectStoreEngine}) and run before this configuration; whichever engine
 * is present is wrapped here, once.
 */
@AutoConfiguration
@EnableConfigurationProperties({ StorageProperties.class, ServerLimitsProperties.class, TransportProperties.class })
public class StorageAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServiceInfoFactory serviceInfoFactory(@Value("${spring.application.name}") String service,
			StorageProperties storage, ServerLimitsProperties server, ObjectProvider<BackendSettings> backendSettings) {
		return (workers, transport, backend) -> ServiceInfo.of(service, workers, transport, storage, server, backend,
				backendSettings.getIfAvailable(() -> Map::of).settings());
	}

	/**
	 * The overload bounds, one count per service: the web adapters' admission filters
	 * share this instance.
	 */
	@Bean
	@ConditionalOnMissingBean
	RequestAdmission requestAdmission(ServerLimitsProperties server, StorageProperties storage) {
		return server.admission(storage.maxObjectSize().toBytes());
	}

	/**
	 * The request timeout, whose deadlines the web adapters' admission filters start.
	 */
	@Bean
	@ConditionalOnMissingBean
	RequestTimeouts requestTimeouts(ServerLimitsProperties server) {
		return server.requestTimeouts(Clock.systemUTC());
	}

	/**
	 * The request head's and the response write's deadlines, and their counters, which
	 * each web adapter applies to its own server.
	 */
	@Bean
	@ConditionalOnMissingBean
	ConnectionDeadlines connectionDeadlines(ServerLimitsProperties server, ObjectProvider<JsonMapper> json) {
		return server.connectionDeadlines(json.getIfAvailable(() -> JsonMapper.builder().build()));
	}

	@Bean
	@ConditionalOnMissingBean
	WriteAuthorization writeAuthorization(StorageProperties storage) {
		return storage.writeAuthorization();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class BlockingStorageConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnProperty(name = "storage.backend", havingValue = "memory", matchIfMissing = true)
		ObjectStoreEngine inMemoryObjectStoreEngine(StorageProperties properties) {
			return new ObjectStoreEngine(new InMemoryObjectStore(properties.limits()));
		}

		@Bean
		@ConditionalOnMissingBean
		ObjectStore objectStore(ObjectStoreEngine engine, StorageProperties properties,
				ObjectProvider<MeterRegistry> meterRegistry) {
			return decorate(engine.store(), properties, meterRegistry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class ReactiveStorageConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnProperty(name = "storage.backend", havingValue = "memory", matchIfMissing = true)
		ReactiveObjectStoreEngine inMemoryReactiveObjectStoreEngine(StorageProperties properties) {
			return new ReactiveObjectStoreEngine(
					new NonBlockingReactiveObjectStore(new InMemoryObjectStore(properties.limits())));
		}

		@Bean
		@ConditionalOnMissingBean
		ReactiveObjectStore reactiveObjectStore(ReactiveObjectStoreEngine engine, StorageProperties properties,
				ObjectProvider<MeterRegistry> meterRegistry) {
			return decorate(engine.store(), properties, meterRegistry);
		}

	}

	/**
	 * Wrap a blocking engine the way every backend is wrapped: the emulated latency, if
	 * any, cut at the storage operation timeout or the request's deadline, whichever
	 * comes first, then the timing as the outermost layer.
	 */
	private static ObjectStore decorate(ObjectStore engine, StorageProperties properties,
			ObjectProvider<MeterRegistry> meterRegistry) {
		ObjectStore store = properties.latency().isZero() ? engine : new LatencyEmulatingObjectStore(engine,
				properties.latency(), properties.operationTimeout(), RequestTimeouts::ofCurrentServletRequest);
		MeterRegistry registry = meterRegistry.getIfAvailable();
		return (registry != null) ? StorageOperations.timed(store, registry) : store;
	}

	/**
	 * Wrap a reactive engine the way every backend is wrapped: the emulated latency, if
	 * any, on timers, cut at the storage operation timeout or the request's deadline
	 * (from the Reactor context), whichever comes first, then the timing as the outermost
	 * layer.
	 */
	private static ReactiveObjectStore decorate(ReactiveObjectStore engine, StorageProperties properties,
			ObjectProvider<MeterRegistry> meterRegistry) {
		ReactiveObjectStore store = properties.latency().isZero() ? engine : new LatencyEmulatingReactiveObjectStore(
				engine, properties.latency(), Schedulers.parallel(), properties.operationTimeout());
		MeterRegistry registry = meterRegistry.getIfAvailable();
		return (registry != null) ? StorageOperations.timed(store, registry) : store;
	}

}
