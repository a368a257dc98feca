package dev.iomodels.harness;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The storage node of the remote backend, started as a user starts it
 * ({@code java -jar storage-node-<version>-exec.jar}) on a free port, in a process of its
 * own so that its CPU time can be read apart from the service's, and stopped again on
 * {@link #close()}. Its output goes to a log file, named in every failure message.
 */
public final class StorageNodeProcess implements AutoCloseable {

	/**
	 * The node's JVM flags: room for the largest store the services allow (256 MB of
	 * objects) and no more, the same collector as the services.
	 */
	public static final List<String> JVM_FLAGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC",
			"-XX:+ExitOnOutOfMemoryError");

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private final Process process;

	private final int port;

	private final Path log;

	private StorageNodeProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Return the node's executable jar in a checkout.
	 * @param projectRoot the root of the checkout
	 * @param version the project version
	 * @return the jar
	 * @throws IllegalStateException if it has not been built
	 */
	public static Path jar(Path projectRoot, String version) {
		Path jar = projectRoot.resolve("storage-node")
			.resolve("target")
			.resolve("storage-node-" + version + "-exec.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(
					"Missing " + jar + ": build it first (./mvnw -pl storage-node -am package)");
		}
		return jar;
	}

	/**
	 * Start a node on a free port and wait until it answers.
	 * @param jar its executable jar
	 * @param latency the latency it adds to every storage operation
	 * @param logDirectory where its output goes
	 * @param cpus the processors it may run on, as {@code taskset -c} takes them; empty
	 * for any
	 * @return the running node
	 * @throws Exception if it does not start or does not answer in time
	 */
	public static StorageNodeProcess start(Path jar, Duration latency, Path logDirectory, Optional<String> cpus)
			throws Exception {
		int port = ServiceProcess.freePort();
		Files.createDirectories(logDirectory);
		Path log = logDirectory.resolve("storage-node-" + port + ".log");
		List<String> command = new ArrayList<>();
		cpus.ifPresent((list) -> command.addAll(List.of("taskset", "-c", list)));
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_FLAGS);
		command.addAll(List.of("-jar", jar.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
				"--latency", latency.toMillis() + "ms"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		StorageNodeProcess node = new StorageNodeProcess(process, port, log);
		try {
			node.awaitReady();
		}
		catch (Exception ex) {
			node.close();
			throw ex;
		}
		return node;
	}

	/**
	 * Return the URL the services reach it at, as {@code storage.remote.url} takes it.
	 * @return e.g. {@code http://127.0.0.1:41234}
	 */
	public URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/**
	 * Return the operating system's process id, e.g. to read its CPU time from
	 * {@code /proc}.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Return the file the node's output goes to.
	 * @return the log file
	 */
	public Path log() {
		return this.log;
	}

	private void awaitReady() throws Exception {
		ChildProcesses.awaitReady(this.process, url().resolve("/stats"), STARTUP_TIMEOUT, "the storage node", this.log);
	}

	/**
	 * Stop the node, and kill it if it takes longer than 10 seconds.
	 * @throws InterruptedException if interrupted while waiting
	 */
	@Override
	public void close() throws InterruptedException {
		ChildProcesses.stop(this.process, Duration.ofSeconds(10));
	}

}
