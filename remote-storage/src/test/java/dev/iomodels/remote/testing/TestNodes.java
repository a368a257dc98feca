package dev.iomodels.remote.testing;

import java.util.Set;

import dev.iomodels.node.NodeSettings;
import dev.iomodels.node.StorageNode;
import dev.iomodels.storage.StorageLimits;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Storage nodes for tests: a node of its own, on a free loopback port of the test JVM,
 * for each test class that asks, so that no class sees another's objects or usage. A node
 * lives until the JVM exits, as the Spring test contexts that use it are cached per JVM.
 */
public final class TestNodes {

	/**
	 * The limits the contract suite runs the services with
	 * ({@code storage.max-bytes=16MB}, the other limits at their defaults), for the node
	 * to enforce.
	 */
	public static final StorageLimits CONTRACT_LIMITS = new StorageLimits(StorageLimits.DEFAULTS.maxObjectSize(),
			StorageLimits.DEFAULTS.maxObjects(), 16L * 1024 * 1024);

	/**
	 * What {@code /api/v1/info} shows of the remote backend, under
	 * {@code backendSettings}.
	 */
	public static final Set<String> INFO_SETTINGS = Set.of("url", "client", "maxConnections", "pendingAcquireMaxCount",
			"pendingAcquireTimeout", "keepAlive", "connectTimeout", "responseTimeout");

	private TestNodes() {
	}

	/**
	 * Start a node that lives until the JVM exits.
	 * @param limits the node's limits
	 * @return the running node
	 */
	public static StorageNode.Running start(StorageLimits limits) {
		StorageNode.Running node = StorageNode.start(NodeSettings.loopback().withLimits(limits));
		Runtime.getRuntime().addShutdownHook(new Thread(node::close, "test-storage-node-stop"));
		return node;
	}

	/**
	 * Point a Spring test context at a new node with the remote backend.
	 * @param registry the test's dynamic properties
	 * @param limits the node's limits, the same as the service's
	 * @param client the blocking client ({@code jdk}, {@code apache}, {@code reactor});
	 * ignored by a reactive service
	 * @return the node
	 */
	public static StorageNode.Running useRemote(DynamicPropertyRegistry registry, StorageLimits limits, String client) {
		StorageNode.Running node = start(limits);
		registry.add("storage.backend", () -> "remote");
		registry.add("storage.remote.url", node::url);
		registry.add("storage.remote.client", () -> client);
		return node;
	}

}
