package dev.iomodels.system.observability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.iomodels.harness.EmbeddedDatabase;
import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
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
 * at the end of the run.
 */
final class ObservedServices implements AutoCloseable {

	private static final int BURST_ROUNDS = 60;

	private static final Duration TRICKLE_PAUSE = Duration.ofMillis(200);

	private final EmbeddedDatabase database;

	private final List<ServiceProcess> processes;

	private final Map<Service, ApiTraffic> traffic;

	private ObservedServices(EmbeddedDatabase database, List<ServiceProcess> processes,
			Map<Service, ApiTraffic> traffic) {
		this.database = database;
		this.processes = processes;
		this.traffic = traffic;
	}

	static ObservedServices start() throws Exception {
		Path root = ProjectFiles.root();
		EmbeddedDatabase database = EmbeddedDatabase.start(Path.of("target", "observed-postgres").toAbsolutePath());
		Map<Service, Map<String, String>> settings = new LinkedHashMap<>();
		for (Service service : Service.ALL) {
			String name = "observed_" + service.shortName();
			database.createDatabase(name);
			settings.put(service, database.serviceProperties(name));
		}
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
		ObservedServices services = new ObservedServices(database, processes, traffic);
		if (failure != null) {
			services.close();
			throw new IllegalStateException("A service did not start: " + failure.getMessage(), failure);
		}
		List<Future<Void>> bursts = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (ServiceProcess process : processes) {
				ApiTraffic mix = new ApiTraffic(process.api(), "observed");
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
		this.database.close();
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
