package dev.iomodels.system.observability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The storage node's executable jar ({@code storage-node/target/*-exec.jar}), started
 * with {@code java -jar} on a free loopback port as users start it, for services on the
 * remote backend to store their objects in. Ready once {@code /stats} answers 200;
 * {@link #close()} stops it.
 */
final class StorageNodeProcess implements AutoCloseable {

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
	 * Start the node and wait until it answers.
	 * @param logDirectory where its output goes
	 * @param flags the node's own flags ({@code --latency 5ms}, …), after its port
	 * @return the running node
	 * @throws Exception if it does not start or does not answer in time
	 */
	static StorageNodeProcess start(Path logDirectory, String... flags) throws Exception {
		Path jar = ProjectFiles.root()
			.resolve("storage-node/target/storage-node-" + ProjectFiles.version() + "-exec.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: package storage-node first");
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Files.createDirectories(logDirectory);
		Path log = logDirectory.resolve("storage-node-" + port + ".log");
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms128m", "-Xmx256m",
				"-XX:+UseG1GC", "-jar", jar.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port)));
		command.addAll(List.of(flags));
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
	 * Return where the services reach it, as {@code storage.remote.url} takes it.
	 * @return its URL
	 */
	URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/**
	 * Return its host and port, as a Prometheus target.
	 * @return {@code 127.0.0.1:<port>}
	 */
	String authority() {
		return url().getAuthority();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	private void awaitReady() throws Exception {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("The storage node exited with " + this.process.exitValue() + ": "
							+ Files.readString(this.log));
				}
				try {
					HttpResponse<Void> response = client.send(
							HttpRequest.newBuilder(url().resolve("/stats")).timeout(Duration.ofSeconds(2)).build(),
							HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() == 200) {
						return;
					}
				}
				catch (IOException notYetListening) {
					// Still starting.
				}
				Thread.sleep(200);
			}
		}
		throw new IllegalStateException(
				"The storage node was not ready within " + STARTUP_TIMEOUT + "; see " + this.log);
	}

}
