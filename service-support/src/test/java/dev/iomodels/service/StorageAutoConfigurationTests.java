package dev.iomodels.service;

import java.util.ArrayList;
import java.util.List;

import dev.iomodels.storage.ForwardingObjectStore;
import dev.iomodels.storage.ForwardingReactiveObjectStore;
import dev.iomodels.storage.InMemoryObjectStore;
import dev.iomodels.storage.NonBlockingReactiveObjectStore;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.ReactiveObjectStore;
import dev.iomodels.storage.StorageLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layers every backend's engine gets, whichever engine is present: the emulated
 * latency, if any, inside the timing, each exactly once.
 */
class StorageAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(StorageAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("spring.application.name=wiring-test");

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("spring.application.name=wiring-test");

	@Test
	void theInMemoryEngineIsTimedAroundTheEmulatedLatencyOnce() {
		this.servlet.withPropertyValues("storage.emulated-latency=1ms")
			.run((context) -> assertThat(layers(context.getBean(ObjectStore.class))).containsExactly("TimedObjectStore",
					"LatencyEmulatingObjectStore", "InMemoryObjectStore"));
		this.reactive.withPropertyValues("storage.emulated-latency=1ms")
			.run((context) -> assertThat(layers(context.getBean(ReactiveObjectStore.class))).containsExactly(
					"TimedReactiveObjectStore", "LatencyEmulatingReactiveObjectStore",
					"NonBlockingReactiveObjectStore"));
	}

	@Test
	void withoutEmulatedLatencyTheEngineIsOnlyTimed() {
		this.servlet.run((context) -> assertThat(layers(context.getBean(ObjectStore.class)))
			.containsExactly("TimedObjectStore", "InMemoryObjectStore"));
		this.reactive.run((context) -> assertThat(layers(context.getBean(ReactiveObjectStore.class)))
			.containsExactly("TimedReactiveObjectStore", "NonBlockingReactiveObjectStore"));
	}

	@Test
	void anEngineFromAnotherModuleIsWrappedTheSameWay() {
		InMemoryObjectStore engine = new InMemoryObjectStore(StorageLimits.DEFAULTS);
		this.servlet.withPropertyValues("storage.backend=postgres", "storage.emulated-latency=1ms")
			.withBean(ObjectStoreEngine.class, () -> new ObjectStoreEngine(engine))
			.run((context) -> {
				assertThat(context).hasSingleBean(ObjectStoreEngine.class).hasSingleBean(ObjectStore.class);
				ObjectStore store = context.getBean(ObjectStore.class);
				assertThat(layers(store)).containsExactly("TimedObjectStore", "LatencyEmulatingObjectStore",
						"InMemoryObjectStore");
				assertThat(innermost(store)).isSameAs(engine);
			});
		ReactiveObjectStore reactiveEngine = new NonBlockingReactiveObjectStore(engine);
		this.reactive.withPropertyValues("storage.backend=postgres")
			.withBean(ReactiveObjectStoreEngine.class, () -> new ReactiveObjectStoreEngine(reactiveEngine))
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveObjectStoreEngine.class);
				ReactiveObjectStore store = context.getBean(ReactiveObjectStore.class);
				assertThat(layers(store)).containsExactly("TimedReactiveObjectStore", "NonBlockingReactiveObjectStore");
				assertThat(((ForwardingReactiveObjectStore) store).delegate()).isSameAs(reactiveEngine);
			});
	}

	/**
	 * The simple class names of a port's layers, outermost first, down to its engine.
	 * @param store a blocking or reactive port
	 * @return the layers
	 */
	static List<String> layers(Object store) {
		List<String> layers = new ArrayList<>();
		Object layer = store;
		while (layer != null) {
			layers.add(layer.getClass().getSimpleName());
			layer = next(layer);
		}
		return layers;
	}

	private static Object innermost(Object store) {
		Object layer = store;
		while (next(layer) != null) {
			layer = next(layer);
		}
		return layer;
	}

	private static Object next(Object layer) {
		if (layer instanceof ForwardingObjectStore forwarding) {
			return forwarding.delegate();
		}
		if (layer instanceof ForwardingReactiveObjectStore forwarding) {
			return forwarding.delegate();
		}
		return null;
	}

}
