package dev.iomodels.service;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryManagerMXBean;
import java.util.Map;

/**
 * The body of {@code GET /api/v1/info}: which service this is, its I/O model, and the
 * effective settings of the fairness table, so a result can always be traced back to the
 * configuration that produced it.
 *
 * @param service the application name
 * @param model the I/O model id
 * @param transport the transport of the API server: {@code name} (the value of
 * {@code iomodels.server.transport}), {@code mechanism}, {@code pattern} and
 * {@code observed}, the class the running server uses for it (its server channel, its
 * protocol handler)
 * @param java the runtime version
 * @param jvm what the JVM runs with, as in effect rather than as asked for on the command
 * line: {@code maxHeapBytes}, {@code garbageCollectors} and {@code availableProcessors}
 * (the fairness table's JVM flags)
 * @param backend the storage backend
 * @param backendSettings the backend's own settings in effect ({@link BackendSettings}),
 * empty when it has none to show
 * @param emulatedLatency the emulated storage latency (ISO-8601)
 * @param emulatedLatencyJitter its random extra (ISO-8601)
 * @param limits the storage limits, in bytes and objects
 * @param server the server settings of the fairness table
 */
public record ServiceInfo(String service, String model, Map<String, String> transport, String java,
		Map<String, Object> jvm, String backend, Map<String, Object> backendSettings, String emulatedLatency,
		String emulatedLatencyJitter, Map<String, Long> limits, Map<String, Object> server) {

	static ServiceInfo of(String service, WorkerSettings workers, TransportInUse transport, StorageProperties storage,
			ServerLimitsProperties server, String backend, Map<String, Object> backendSettings) {
		Map<String, String> transportInfo = new java.util.LinkedHashMap<>();
		transportInfo.put("name", transport.transport().id());
		transportInfo.put("mechanism", transport.transport().mechanism());
		transportInfo.put("pattern", transport.transport().pattern());
		transportInfo.put("observed", transport.observed().orElse("not started"));
		Map<String, Long> limits = Map.of("maxObjectSize", storage.maxObjectSize().toBytes(), "maxObjects",
				storage.maxObjects(), "maxBytes", storage.maxBytes().toBytes());
		Map<String, Object> settings = Map.ofEntries(Map.entry("workers", workers.description()),
				Map.entry("workerThreads", workers.threads()), Map.entry("maxConnections", server.maxConnections()),
				Map.entry("acceptBacklog", server.acceptBacklog()),
				Map.entry("keepAliveTimeout", server.keepAliveTimeout().toString()),
				Map.entry("maxKeepAliveRequests", server.maxKeepAliveRequests()),
				Map.entry("maxRequestHeaderSize", server.maxRequestHeaderSize().toBytes()),
				Map.entry("connectionTimeout", server.connectionTimeout().toString()),
				Map.entry("maxConcurrentRequests", server.maxConcurrentRequests()),
				Map.entry("maxBufferedRequestBytes", server.maxBufferedRequestBytes().toBytes()),
				Map.entry("requestTimeout", server.requestTimeout().toString()),
				Map.entry("requestHeadTimeout", server.requestHeadTimeout().toString()),
				Map.entry("responseWriteTimeout", server.responseWriteTimeout().toString()),
				Map.entry("storageOperationTimeout", storage.operationTimeout().toString()),
				Map.entry("writesNeedToken", storage.writeAuthorization().isRequired()),
				Map.entry("transport", transport.transport().id()));
		return new ServiceInfo(service, workers.model().id(), transportInfo, Runtime.version().toString(), runningJvm(),
				backend, backendSettings, storage.emulatedLatency().toString(),
				storage.emulatedLatencyJitter().toString(), new java.util.TreeMap<>(limits),
				new java.util.TreeMap<>(settings));
	}

	/**
	 * The JVM settings that the fairness table sets with flags (heap, collector, and the
	 * processors the JVM sizes its pools by), read from the running JVM, so that a
	 * service started with other flags shows it.
	 */
	private static Map<String, Object> runningJvm() {
		Map<String, Object> jvm = new java.util.LinkedHashMap<>();
		jvm.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
		jvm.put("garbageCollectors",
				ManagementFactory.getGarbageCollectorMXBeans().stream().map(MemoryManagerMXBean::getName).toList());
		jvm.put("availableProcessors", Runtime.getRuntime().availableProcessors());
		return jvm;
	}

}
