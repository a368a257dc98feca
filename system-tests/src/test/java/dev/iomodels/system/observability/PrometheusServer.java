package dev.iomodels.system.observability;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.iomodels.system.observability.ProjectFiles.list;
import static dev.iomodels.system.observability.ProjectFiles.map;

/**
 * A real Prometheus (the {@code prometheus} binary of Debian's package, or the one named
 * by {@code PROMETHEUS_BIN}) running the project's {@code prometheus/prometheus.yml} with
 * the compose targets pointed at services started on this machine: same jobs, same paths,
 * same labels, a shorter scrape interval. It listens on a free loopback port and keeps
 * its data in a temporary directory; {@link #close()} stops it.
 */
final class PrometheusServer implements AutoCloseable {

	static final String SCRAPE_INTERVAL = "1s";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Process process;

	private final URI base;

	private final Path log;

	private final Path data;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private PrometheusServer(Process process, URI base, Path log, Path data) {
		this.process = process;
		this.base = base;
		this.log = log;
		this.data = data;
	}

	/**
	 * Find the Prometheus binary.
	 * @return its path, if it is installed
	 */
	static Optional<Path> binary() {
		String configured = System.getenv("PROMETHEUS_BIN");
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Path.of(configured)).filter(Files::isExecutable);
		}
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin", "/usr/local/bin"))
			.filter((directory) -> !directory.isBlank())
			.map((directory) -> Path.of(directory, "prometheus"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/**
	 * Write the project's scrape configuration with each compose target
	 * ({@code classic-service:9081}) replaced by the local service of that name and the
	 * scrape interval shortened.
	 * @param services the running services
	 * @return the configuration, as YAML
	 */
	static String localConfig(List<ServiceProcess> services) {
		return localConfig(ProjectFiles.prometheusConfig(), services, Map.of());
	}

	/**
	 * Write a scrape configuration of the project with each compose target replaced by
	 * the local process it stands for, and the scrape interval shortened.
	 * @param file the configuration ({@code prometheus/prometheus.yml} or a compose
	 * variant's)
	 * @param services the running services, which replace their compose names on their
	 * management ports
	 * @param others any other target, by its compose address ({@code storage-node:7070}),
	 * and the local address ({@code 127.0.0.1:41234}) that replaces it
	 * @return the configuration, as YAML
	 */
	static String localConfig(Path file, List<ServiceProcess> services, Map<String, String> others) {
		Map<String, Object> config = ProjectFiles.yaml(file);
		Map<String, Object> global = map(config.get("global"));
		global.put("scrape_interval", SCRAPE_INTERVAL);
		global.put("scrape_timeout", SCRAPE_INTERVAL);
		global.put("evaluation_interval", SCRAPE_INTERVAL);
		Map<String, ServiceProcess> byName = new LinkedHashMap<>();
		services.forEach((service) -> byName.put(service.service().name(), service));
		for (Object job : list(config.get("scrape_configs"))) {
			for (Object staticConfig : list(map(job).get("static_configs"))) {
				List<Object> targets = list(map(staticConfig).get("targets"));
				List<Object> local = new ArrayList<>();
				for (Object target : targets) {
					String other = others.get(String.valueOf(target));
					if (other != null) {
						local.add(other);
						continue;
					}
					String[] hostAndPort = String.valueOf(target).split(":");
					ServiceProcess service = byName.get(hostAndPort[0]);
					if (service == null
							|| Integer.parseInt(hostAndPort[1]) != Service.named(hostAndPort[0]).managementPort()) {
						throw new IllegalStateException(file.getFileName() + " scrapes " + target
								+ ", which is not a service's management port nor a process started here");
					}
					local.add(service.management().getAuthority());
				}
				map(staticConfig).put("targets", local);
			}
		}
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		return new Yaml(options).dump(config);
	}

	/**
	 * Start Prometheus with a configuration and wait until it is ready.
	 * @param binary the Prometheus binary
	 * @param config the configuration
	 * @param directory where its configuration, data and log go
	 * @return the running server
	 * @throws Exception if it does not become ready in time
	 */
	static PrometheusServer start(Path binary, String config, Path directory) throws Exception {
		Files.createDirectories(directory);
		Path configFile = directory.resolve("prometheus.yml");
		Files.writeString(configFile, config);
		Path data = Files.createTempDirectory(directory, "data");
		Path log = directory.resolve("prometheus.log");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process process = new ProcessBuilder(binary.toString(), "--config.file=" + configFile,
				"--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port), log, data);
		try {
			server.awaitReady();
		}
		catch (Exception ex) {
			server.close();
			throw ex;
		}
		return server;
	}

	/**
	 * Wait until every target has been scraped successfully at least a number of times.
	 * @param jobs the jobs that must be up
	 * @param scrapes the number of scrapes
	 * @param timeout how long to wait
	 */
	void awaitScrapes(List<String> jobs, int scrapes, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		String query = "sum by (job) (sum_over_time(up[1m]))";
		while (System.nanoTime() < deadline) {
			Map<String, Double> counts = new LinkedHashMap<>();
			for (JsonNode series : query(query).path("data").path("result")) {
				counts.put(series.path("metric").path("job").asString(), series.path("value").get(1).asDouble());
			}
			if (jobs.stream().allMatch((job) -> counts.getOrDefault(job, 0.0) >= scrapes)) {
				return;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("Prometheus did not scrape " + jobs + " " + scrapes + " times within " + timeout
				+ "; targets: " + get("/api/v1/targets"));
	}

	/**
	 * Evaluate an instant query now.
	 * @param promql the expression
	 * @return Prometheus' JSON answer
	 */
	JsonNode query(String promql) throws IOException, InterruptedException {
		return json.readTree(get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
	}

	Path log() {
		return this.log;
	}

	@Override
	public void close() throws InterruptedException, IOException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		this.client.close();
		try (Stream<Path> files = Files.walk(this.data)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	private String get(String pathAndQuery) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.base.resolve(pathAndQuery))
			.timeout(Duration.ofSeconds(10))
			.build();
		// Prometheus answers a bad query with 400 and the error in the same JSON shape.
		return this.client.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	private void awaitReady() throws Exception {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"Prometheus exited with " + this.process.exitValue() + ": " + Files.readString(this.log));
			}
			try {
				HttpResponse<Void> response = this.client.send(
						HttpRequest.newBuilder(this.base.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build(),
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
		throw new IllegalStateException("Prometheus was not ready within " + STARTUP_TIMEOUT + "; see " + this.log);
	}

}
