package dev.iomodels.service.metrics;

import dev.iomodels.service.StorageAutoConfiguration;
import dev.iomodels.service.TransportInUse;
import dev.iomodels.service.WorkerSettings;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.ReactiveObjectStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The meters every service shares beyond what Spring Boot binds by itself (JVM memory,
 * GC, threads and virtual threads, CPU, Tomcat): the common tags (application, model,
 * transport), the storage gauges, the in-flight requests gauge, the request timer that
 * takes the place of Spring's HTTP server observation ({@link ServerRequestTimer}) and
 * the process's resident memory and operating-system threads. The storage timers are
 * added where the ports are built, in {@link StorageAutoConfiguration}; the histogram
 * settings are in {@code iomodels-common.properties}.
 */
@AutoConfiguration(after = StorageAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
public class ServiceMetricsAutoConfiguration {

	@Bean
	@ConditionalOnBean({ WorkerSettings.class, TransportInUse.class })
	CommonTags commonTags(@Value("${spring.application.name}") String applicationName, WorkerSettings workers,
			TransportInUse transport) {
		return CommonTags.of(applicationName, workers.model(), transport.transport());
	}

	@Bean
	ActuatorRequestsFilter actuatorRequestsFilter() {
		return new ActuatorRequestsFilter();
	}

	@Bean
	ProcessStatusMetrics processStatusMetrics() {
		return new ProcessStatusMetrics();
	}

	@Bean
	@ConditionalOnWebApplication
	InFlightRequests inFlightRequests() {
		return new InFlightRequests();
	}

	@Bean
	@ConditionalOnWebApplication
	@ConditionalOnBean(MeterRegistry.class)
	ServerRequestTimer serverRequestTimer(MeterRegistry registry) {
		return new ServerRequestTimer(registry);
	}

	@Bean
	@ConditionalOnBean(ObjectStore.class)
	StorageMetrics blockingStorageMetrics(ObjectStore store) {
		return new StorageMetrics(store::stats);
	}

	@Bean
	@ConditionalOnBean(ReactiveObjectStore.class)
	StorageMetrics reactiveStorageMetrics(ReactiveObjectStore store) {
		return new StorageMetrics(store::stats);
	}

}
