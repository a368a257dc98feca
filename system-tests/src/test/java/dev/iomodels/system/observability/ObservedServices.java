package dev.iomodels.system.observability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.iomodels.harness.EmbeddedDatabase;
import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import dev.iomodels.harness.StorageNodeProcess;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The three service jars, started once for all the observability checks of a test run
 * (they take the longest), each having served a burst of the {@link ApiTraffic} mix and
 * serving a trickle of it until the run ends. They run on the postgres backend, each on a
 * database of its own in one embedded PostgreSQL, so that the connection-pool meters and
 * the dashboards' database row have data; every other meter is the same on either
 * backend. Test classes get it as a parameter through {@link Extension}; JUnit closes it
 * at the end of the run. {@link #startRemote()} starts the same three on the remote
 * backend instead, sharing one storage node, for a test class that closes them itself.
 */
final class ObservedServices implements AutoCloseable {

	private static final int BURST_ROUNDS = 60;

	private static final Duration TRICKLE_PAUSE = Duration.ofMillis(200);

	private final String backend;

	private final AutoCloseable store;

	private final StorageNodeProcess node;

	private final List<ServiceProcess> processes;

	private final Map<Service, ApiTraffic> traffic;

	private ObservedServices(String backend, AutoCloseable store, StorageNodeProcess node,
			List<ServiceProcess> processes, Map<Service, ApiTraffic> traffic) {
		this.backend = backend;
		this.store = store;
		this.node = node;
		this.processes = processes;
		this.traffic = traffic;
	}

	/**
	 * Start the three on the postgres backend.
	 * @return the running services, having served their burst
	 */
	static ObservedServices start() throws Exception {
		EmbeddedDatabase database = EmbeddedDatabase.start(Path.of("target", "observed-postgres").toAbsolutePath());
		Map<Service, Map<String, String>> settings = new LinkedHashMap<>();
		try {
			for (Service service : Service.ALL) {
				String name = "observed_" + service.shortName();
				database.createDatabase(name);
				settings.put(service, database.serviceProperties(name));
			}
		}
		catch (Exception ex) {
			database.close();
			throw ex;
		}
		return start("postgres", database, null, settings);
	}

	/**
	 * Start the three on the remote backend, all on one storage node (its jar, started
	 * here), as {@code docker-compose.remote.yml} runs them: classic on the JDK's client
	 * (the default), loom on Apache HttpClient, webflux on WebClient.
	 * @return the running services, having served their burst; the caller closes them
	 */
	static ObservedServices startRemote() throws Exception {
		StorageNodeProcess node = StorageNodeProcess.start(
				StorageNodeProcess.jar(ProjectFiles.root(), ProjectFiles.version()), Duration.ZERO,
				Path.of("target", "service-logs"), Optional.empty());
		Map<Service, Map<String, String>> settings = new LinkedHashMap<>();
		for (Service service : Service.ALL) {
			Map<String, String> properties = new LinkedHashMap<>();
			properties.put("storage.backend", "remote");
			properties.put("storage.remote.url", node.url().toString());
			if (service.equals(Service.LOOM)) {
				properties.put("storage.remote.client", "apache");
			}
			settings.put(service, properties);
		}
		return start("remote", node, node, settings);
	}

	private static ObservedServices start(String backend, AutoCloseable store, StorageNodeProcess node,
			Map<Service, Map<String, String>> settings) throws Exception {
		Path root = ProjectFiles.root();
		List<Future<ServiceProcess>> starting = new ArrayList<>();
		// In parallel: each start waits for readiness (class loading, JIT) for at most
		// the
		// harness's startup timeout, and closing the executor waits for all of them.
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Service service : Service.ALL) {
				starting
					.add(executor.submit(() -> ServiceProcess.start(service, service.jar(root, ProjectFiles.version()),
							settings.get(service), Path.of("target", "service-logs"))));
			}
		}
		List<ServiceProcess> processes = new ArrayList<>();
		Throwable failure = null;
		for (Future<ServiceProcess> future : starting) {
			if (future.state() == Future.State.SUCCESS) {
				processes.add(future.resultNow());
			}
			else if (failure == null) {
				failure = future.exceptionNow();
			}
		}
		Map<Service, ApiTraffic> traffic = new LinkedHashMap<>();
		ObservedServices services = new ObservedServices(backend, store, node, processes, traffic);
		if (failure != null) {
			services.close();
			throw new IllegalStateException("A service did not start: " + failure.getMessage(), failure);
		}
		List<Future<Void>> bursts = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (ServiceProcess process : processes) {
				// A prefix per service: on the remote backend the three share one store.
				ApiTraffic mix = new ApiTraffic(process.api(), "observed-" + process.service().shortName());
				traffic.put(process.service(), mix);
				bursts.add(executor.submit(() -> {
					mix.burst(BURST_ROUNDS);
					return null;
				}));
			}
		}
		for (Future<Void> burst : bursts) {
			if (burst.state() != Future.State.SUCCESS) {
				services.close();
				throw new IllegalStateException("Traffic failed: " + burst.exceptionNow().getMessage(),
						burst.exceptionNow());
			}
		}
		for (ServiceProcess process : processes) {
			try {
				collectGarbage(process);
			}
			catch (Exception ex) {
				services.close();
				throw ex;
			}
		}
		traffic.values().forEach((mix) -> mix.startTrickle(TRICKLE_PAUSE));
		return services;
	}

	/**
	 * Make the service collect garbage once. Micrometer only sees collections that happen
	 * after it has started listening, and a burst this small may not fill the young
	 * generation of a 512 MiB heap, so without this the GC meters might not exist yet;
	 * under real load the service collects by itself within seconds.
	 */
	private static void collectGarbage(ServiceProcess process) throws Exception {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run")
			.redirectErrorStream(true)
			.start();
		String output = new String(gc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!gc.waitFor(30, TimeUnit.SECONDS) || gc.exitValue() != 0) {
			gc.destroyForcibly();
			throw new IllegalStateException("jcmd GC.run failed for " + process.service().name() + ": " + output);
		}
	}

	List<ServiceProcess> processes() {
		return this.processes;
	}

	/**
	 * Return the storage backend the services run on.
	 * @return {@code postgres} or {@code remote}
	 */
	String backend() {
		return this.backend;
	}

	/**
	 * Return the storage node the services share, on the remote backend.
	 * @return the node, or {@code null} on another backend
	 */
	StorageNodeProcess node() {
		return this.node;
	}

	ApiTraffic traffic(Service service) {
		return this.traffic.get(service);
	}

	@Override
	public void close() throws Exception {
		for (ApiTraffic mix : this.traffic.values()) {
			mix.close();
		}
		for (ServiceProcess process : this.processes) {
			process.close();
		}
		this.store.close();
	}

	/**
	 * Resolves an {@link ObservedServices} parameter with the one instance of the run.
	 */
	static final class Extension implements ParameterResolver {

		private static final Namespace NAMESPACE = Namespace.create(ObservedServices.class);

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == ObservedServices.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			return context.getRoot()
				.getStore(NAMESPACE)
				.computeIfAbsent(ObservedServices.class, (key) -> startUnchecked(), ObservedServices.class);
		}

		private static ObservedServices startUnchecked() {
			try {
				return start();
			}
			catch (Exception ex) {
				throw new IllegalStateException("The services did not start: " + ex.getMessage(), ex);
			}
		}

	}

}
