package dev.iomodels.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.iomodels.node.NodeSettings;
import dev.iomodels.node.StorageNode;
import dev.iomodels.service.BackendSettings;
import dev.iomodels.service.StorageAutoConfiguration;
import dev.iomodels.storage.ForwardingObjectStore;
import dev.iomodels.storage.ForwardingReactiveObjectStore;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ReactiveObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.ReactorClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wiring of the remote backend: nothing of it without {@code storage.backend=remote};
 * with it, RestClient on the chosen client for a servlet application and WebClient for a
 * reactive one, each engine wrapped once in the emulated latency and the storage timer,
 * with the connections' meters under the same names and the settings for
 * {@code /api/v1/info}.
 */
class RemoteStorageAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(RemoteStorageAutoConfiguration.class,
			StorageAutoConfiguration.class);

	private static StorageNode.Running node;

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("spring.application.name=wiring-test");

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("spring.application.name=wiring-test");

	@BeforeAll
	static void startNode() {
		node = StorageNode.start(NodeSettings.loopback());
	}

	@AfterAll
	static void stopNode() {
		node.close();
	}

	@Test
	void theMemoryBackendOpensNoConnection() {
		this.servlet.run((context) -> {
			assertThat(context).doesNotHaveBean(ClientHttpRequestFactory.class).doesNotHaveBean(BackendSettings.class);
			assertThat(context.getBean(ObjectStore.class).backend()).isEqualTo("memory");
		});
		this.reactive.run((context) -> {
			assertThat(context).doesNotHaveBean(ConnectionProvider.class).doesNotHaveBean(BackendSettings.class);
			assertThat(context.getBean(ReactiveObjectStore.class).backend()).isEqualTo("memory");
		});
	}

	@Test
	void aServletApplicationGetsRestClientOnTheChosenClientWithTheConnectionMeters() {
		for (String[] client : new String[][] { { "jdk", JdkClientHttpRequestFactory.class.getName() },
				{ "apache", HttpComponentsClientHttpRequestFactory.class.getName() },
				{ "reactor", ReactorClientHttpRequestFactory.class.getName() } }) {
			this.servlet.withPropertyValues(remote(client[0])).run((context) -> {
				assertThat(context.getBean(ClientHttpRequestFactory.class).getClass().getName()).isEqualTo(client[1]);
				ObjectStore store = context.getBean(ObjectStore.class);
				assertThat(store.backend()).isEqualTo("remote");
				assertThat(layers(store)).containsExactly("TimedObjectStore", "LatencyEmulatingObjectStore",
						"RemoteObjectStore");
				store.put(ObjectKey.of("wired-" + client[0]), new byte[] { 1 }, "text/plain", Preconditions.NONE);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("storage.remote.connections.max").gauge().value()).isEqualTo(7);
				assertThat(registry.get("storage.remote.connections.active").gauge().value()).isZero();
				assertThat(registry.get("storage.remote.connections.pending").gauge().value()).isZero();
				assertThat(registry.get("storage.remote.connections.acquire").tag("outcome", "success").timer().count())
					.isOne();
				assertThat(registry.get("storage.operations").tag("operation", "put").timer().count()).isOne();
				assertThat(context.getBean(BackendSettings.class).settings()).containsEntry("url", node.url())
					.containsEntry("client", client[0])
					.containsEntry("maxConnections", 7)
					.containsEntry("responseTimeout", "PT10S");
			});
		}
	}

	@Test
	void aReactiveApplicationGetsWebClientWithTheConnectionMeters() {
		this.reactive.withPropertyValues(remote("jdk")).run((context) -> {
			assertThat(context).hasSingleBean(ConnectionProvider.class).doesNotHaveBean(ClientHttpRequestFactory.class);
			ReactiveObjectStore store = context.getBean(ReactiveObjectStore.class);
			assertThat(store.backend()).isEqualTo("remote");
			assertThat(layers(store)).containsExactly("TimedReactiveObjectStore", "LatencyEmulatingReactiveObjectStore",
					"ReactiveRemoteObjectStore");
			store.put(ObjectKey.of("wired-reactive"), new byte[] { 1 }, "text/plain", Preconditions.NONE)
				.block(Duration.ofSeconds(10));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("storage.remote.connections.max").gauge().value()).isEqualTo(7);
			assertThat(registry.get("storage.remote.connections.active").gauge()).isNotNull();
			assertThat(registry.get("storage.remote.connections.pending").gauge()).isNotNull();
			assertThat(registry.get("storage.remote.connections.acquire").tag("outcome", "success").timer().count())
				.isOne();
			assertThat(registry.get("storage.operations").tag("operation", "put").timer().count()).isOne();
			assertThat(context.getBean(BackendSettings.class).settings()).containsEntry("client",
					"webclient-reactor-netty");
		});
	}

	private static String[] remote(String client) {
		// A latency to emulate, so that every layer is there to be seen.
		return new String[] { "storage.backend=remote", "storage.emulated-latency=1ms",
				"storage.remote.url=" + node.url(), "storage.remote.client=" + client,
				"storage.remote.max-connections=7" };
	}

	/**
	 * The simple class names of a port's layers, outermost first, down to its engine.
	 */
	private static List<String> layers(Object store) {
		List<String> layers = new ArrayList<>();
		Object layer = store;
		while (layer != null) {
			layers.add(layer.getClass().getSimpleName());
			layer = (layer instanceof ForwardingObjectStore forwarding) ? forwarding.delegate()
					: (layer instanceof ForwardingReactiveObjectStore forwarding) ? forwarding.delegate() : null;
		}
		return layers;
	}

}
