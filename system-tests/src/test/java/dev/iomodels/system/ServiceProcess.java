package dev.iomodels.system;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the services, started as a user starts it ({@code java -jar}) on free ports, and
 * stopped again when the test is done. Its output goes to a log file under
 * {@code target/service-logs}, named in every failure message.
 */
final class ServiceProcess implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private final String name;

	private final Process process;

	private final int port;

	private final int managementPort;

	private final Path log;

	private ServiceProcess(String name, Process process, int port, int managementPort, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.managementPort = managementPort;
		this.log = log;
	}

	/**
	 * Start a service and wait until it reports ready.
	 * @param name the module name, e.g. {@code classic-service}
	 * @param properties application properties passed as {@code --name=value}
	 * @return the running service
	 * @throws Exception if it does not start or does not become ready in time
	 */
	static ServiceProcess start(String name, Map<String, String> properties) throws Exception {
		Path jar = Path.of(System.getProperty("services.dir", ".."), name, "target",
				name + "-" + System.getProperty("services.version") + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Missing " + jar + ": build the services first (./mvnw package)");
		}
		int port = freePort();
		int managementPort = freePort();
		Path logs = Path.of("target", "service-logs");
		Files.createDirectories(logs);
		Path log = logs.resolve(name + "-" + port + ".log");
		List<String> command = new ArrayList<>();
		command
			.add(Path.of(System.getProperty("java.home.for.services", System.getProperty("java.home")), "bin", "java")
				.toString());
		command.addAll(List.of("-Xms256m", "-Xmx256m", "-XX:+UseG1GC", "-jar", jar.toString()));
		command.add("--server.port=" + port);
		command.add("--management.server.port=" + managementPort);
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ServiceProcess service = new ServiceProcess(name, process, port, managementPort, log);
		try {
			service.awaitReady();
		}
		catch (Exception ex) {
			service.close();
			throw ex;
		}
		return service;
	}

	String name() {
		return this.name;
	}

	URI api() {
		return URI.create("http://localhost:" + this.port);
	}

	URI management() {
		return URI.create("http://localhost:" + this.managementPort);
	}

	Path log() {
		return this.log;
	}

	private void awaitReady() throws Exception {
		URI readiness = management().resolve("/actuator/health/readiness");
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(this.name + " exited with " + this.process.exitValue() + "; see "
							+ this.log.toAbsolutePath());
				}
				try {
					HttpResponse<Void> response = client.send(
							HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
							HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() == 200) {
						return;
					}
				}
				catch (IOException notYetListening) {
					// Still starting.
				}
				Thread.sleep(250);
			}
		}
		throw new IllegalStateException(
				this.name + " was not ready within " + STARTUP_TIMEOUT + "; see " + this.log.toAbsolutePath());
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

}
