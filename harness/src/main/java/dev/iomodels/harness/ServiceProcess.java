package dev.iomodels.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One of the services, started as a user starts it ({@code java -jar}) with the JVM flags
 * of the fairness table on free ports, and stopped again on {@link #close()}. Its output
 * goes to a log file, named in every failure message.
 */
public final class ServiceProcess implements AutoCloseable {

	/**
	 * The JVM flags every service runs with unless told otherwise: the same heap,
	 * collector and processor count for all three, so that only the I/O model differs.
	 */
	public static final List<String> FAIR_JVM_FLAGS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC",
			"-XX:+ExitOnOutOfMemoryError");

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private final Service service;

	private final Process process;

	private final int port;

	private final int managementPort;

	private final Path log;

	private ServiceProcess(Service service, Process process, int port, int managementPort, Path log) {
		this.service = service;
		this.process = process;
		this.port = port;
		this.managementPort = managementPort;
		this.log = log;
	}

	/**
	 * Start a service on free ports with the fair JVM flags and wait until it is ready.
	 * @param service the service
	 * @param jar its executable jar
	 * @param properties application properties, passed as {@code --name=value}
	 * @param logDirectory where its output goes
	 * @return the running service
	 * @throws Exception if it does not start or does not become ready in time
	 */
	public static ServiceProcess start(Service service, Path jar, Map<String, String> properties, Path logDirectory)
			throws Exception {
		return start(service, jar, FAIR_JVM_FLAGS, properties, logDirectory);
	}

	/**
	 * Start a service on free ports and wait until it is ready.
	 * @param service the service
	 * @param jar its executable jar
	 * @param jvmFlags the JVM flags
	 * @param properties application properties, passed as {@code --name=value}
	 * @param logDirectory where its output goes
	 * @return the running service
	 * @throws Exception if it does not start or does not become ready in time
	 */
	public static ServiceProcess start(Service service, Path jar, List<String> jvmFlags, Map<String, String> properties,
			Path logDirectory) throws Exception {
		return start(service, jar, jvmFlags, properties, logDirectory, Optional.empty());
	}

	/**
	 * Start a service on free ports, on the given processors only, and wait until it is
	 * ready.
	 * @param service the service
	 * @param jar its executable jar
	 * @param jvmFlags the JVM flags
	 * @param properties application properties, passed as {@code --name=value} after the
	 * service's own launch properties
	 * @param logDirectory where its output goes
	 * @param cpus the processors it may run on, as {@code taskset -c} takes them (e.g.
	 * {@code 0-1}); empty for any
	 * @return the running service
	 * @throws Exception if it does not start or does not become ready in time
	 */
	public static ServiceProcess start(Service service, Path jar, List<String> jvmFlags, Map<String, String> properties,
			Path logDirectory, Optional<String> cpus) throws Exception {
		int port = freePort();
		int managementPort = freePort();
		Files.createDirectories(logDirectory);
		Path log = logDirectory.resolve(service.name() + "-" + port + ".log");
		List<String> command = new ArrayList<>();
		// taskset pins the process before the JVM starts, so every thread it ever makes
		// (carriers, event loops, GC and compiler threads) inherits the set.
		cpus.ifPresent((list) -> command.addAll(List.of("taskset", "-c", list)));
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmFlags);
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + port);
		command.add("--management.server.port=" + managementPort);
		Map<String, String> all = new LinkedHashMap<>(service.launchProperties());
		all.putAll(properties);
		all.forEach((key, value) -> command.add("--" + key + "=" + value));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ServiceProcess running = new ServiceProcess(service, process, port, managementPort, log);
		try {
			running.awaitReady();
		}
		catch (Exception ex) {
			running.close();
			throw ex;
		}
		return running;
	}

	/**
	 * Return which service this is.
	 * @return the service
	 */
	public Service service() {
		return this.service;
	}

	/**
	 * Return the operating system's process id, e.g. to read {@code /proc}.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Return the base URI of the API port.
	 * @return e.g. {@code http://localhost:41234}
	 */
	public URI api() {
		return URI.create("http://localhost:" + this.port);
	}

	/**
	 * Return the base URI of the management port.
	 * @return e.g. {@code http://localhost:41235}
	 */
	public URI management() {
		return URI.create("http://localhost:" + this.managementPort);
	}

	/**
	 * Return the file the service's output goes to.
	 * @return the log file
	 */
	public Path log() {
		return this.log;
	}

	/**
	 * Return whether the process is still running.
	 * @return whether it is alive
	 */
	public boolean alive() {
		return this.process.isAlive();
	}

	private void awaitReady() throws Exception {
		ChildProcesses.awaitReady(this.process, management().resolve("/actuator/health/readiness"), STARTUP_TIMEOUT,
				this.service.name(), this.log);
	}

	/**
	 * Stop the service: a graceful shutdown first (in-flight requests finish), then a
	 * kill if it takes longer than 30 seconds.
	 * @throws InterruptedException if interrupted while waiting
	 */
	@Override
	public void close() throws InterruptedException {
		ChildProcesses.stop(this.process, Duration.ofSeconds(30));
	}

	/**
	 * Kill the service at once, as {@code kill -9} does: no shutdown hook runs and
	 * nothing in flight finishes, so whatever it acknowledged must already be durable.
	 * @throws InterruptedException if interrupted while waiting for the process to end
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException(this.service.name() + " did not end after SIGKILL");
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

}
