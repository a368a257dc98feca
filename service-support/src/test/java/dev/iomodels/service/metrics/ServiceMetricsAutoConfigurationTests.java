package dev.iomodels.service.metrics;

import java.time.Duration;

import dev.iomodels.service.IoModel;
import dev.iomodels.service.StorageAutoConfiguration;
import dev.iomodels.service.Transport;
import dev.iomodels.service.TransportInUse;
import dev.iomodels.service.WorkerSettings;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ReactiveObjectStore;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared metrics as a service gets them: the same meters, with the same tags, on a
 * servlet service and on a reactive one.
 */
class ServiceMetricsAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(MetricsAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class, StorageAutoConfiguration.class,
			ServiceMetricsAutoConfiguration.class);

	@Test
	void aServletServiceTimesItsBlockingPortAndTagsEveryMeter() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("spring.application.name=classic-service",
					"management.metrics.use-global-registry=false")
			.withUserConfiguration(Workers.class)
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				context.getBean(ObjectStore.class)
					.put(ObjectKey.of("a"), new byte[] { 1, 2, 3 }, "text/plain", Preconditions.NONE);
				context.getBean(InFlightRequests.class).started();

				assertThat(registry.get(StorageOperations.METER_NAME).tag("operation", "put").timer().count()).isOne();
				assertThat(registry.get(StorageMetrics.OBJECTS).gauge().value()).isOne();
				assertThat(registry.get(StorageMetrics.BYTES).gauge().value()).isEqualTo(3);
				assertThat(registry.get(InFlightRequests.METER_NAME).gauge().value()).isOne();
				assertThat(registry.getMeters()).allSatisfy((meter) -> assertTagged(meter, "classic"));
			});
	}

	@Test
	void aReactiveServiceTimesItsReactivePort() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("spring.application.name=webflux-service",
					"management.metrics.use-global-registry=false")
			.withUserConfiguration(Workers.class)
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				context.getBean(ReactiveObjectStore.class)
					.put(ObjectKey.of("a"), new byte[] { 1 }, "text/plain", Preconditions.NONE)
					.block(Duration.ofSeconds(5));

				assertThat(registry.get(StorageOperations.METER_NAME).tag("operation", "put").timer().count()).isOne();
				assertThat(registry.get(StorageMetrics.OBJECTS).gauge().value()).isOne();
				assertThat(context).doesNotHaveBean(ObjectStore.class);
			});
	}

	@Test
	void withoutAMeterRegistryThePortsAreNotTimed() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(StorageAutoConfiguration.class, ServiceMetricsAutoConfiguration.class))
			.withPropertyValues("spring.application.name=classic-service")
			.withUserConfiguration(Workers.class)
			.run((context) -> assertThat(context.getBean(ObjectStore.class)).isNotInstanceOf(TimedObjectStore.class));
	}

	private static void assertTagged(Meter meter, String application) {
		assertThat(meter.getId().getTag("application")).as(meter.getId().getName()).isEqualTo(application);
		assertThat(meter.getId().getTag("model")).as(meter.getId().getName()).isEqualTo("platform-threads");
		assertThat(meter.getId().getTag("transport")).as(meter.getId().getName()).isEqualTo("nio");
	}

	@Configuration(proxyBeanMethods = false)
	static class Workers {

		@Bean
		WorkerSettings workerSettings() {
			return new WorkerSettings(IoModel.PLATFORM_THREADS, "4 platform threads", 4);
		}

		@Bean
		TransportInUse transportInUse() {
			return new TransportInUse(Transport.NIO);
		}

	}

}
