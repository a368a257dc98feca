package dev.iomodels.comparison.wall;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import dev.iomodels.comparison.Durations;
import dev.iomodels.comparison.run.ConsoleWatch;
import dev.iomodels.gatling.C10kSimulation;
import dev.iomodels.gatling.GatlingRunner;
import dev.iomodels.gatling.GatlingStats;
import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the wall scenario: for each service and step, a fresh process with the
 * comparison's JVM flags (and Native Memory Tracking), a short warm-up, a snapshot of its
 * memory idle, and then the step: the load generator opens one connection per request
 * over a ramp of {@link #RAMP_RATE} a second, every request waits the storage latency,
 * and midway through the hold the service's memory is read again. The difference, divided
 * by the requests in flight, is what one request in flight costs each model.
 */
public final class WallRun {

	/** Connections opened per second in a ramp: well inside any accept backlog. */
	static final int RAMP_RATE = 1_000;

	/** The heaps the search for the smallest one tries, ascending. */
	static final List<String> HEAPS = List.of("64m", "96m", "128m", "192m", "256m", "384m", "512m", "768m", "1g",
			"1536m", "2g", "3g", "4g");

	private static final Duration SEARCH_HOLD = Duration.ofSeconds(15);

	private final WallOptions options;

	private final Path projectRoot;

	private final String version;

	private final PrintStream out;

	private final JsonMapper json = JsonMapper.builder().build();

	public WallRun(WallOptions options, Path projectRoot, String version, PrintStream out) {
		this.options = options;
		this.projectRoot = projectRoot;
		this.version = version;
		this.out = out;
	}

	/**
	 * Check the machine's limits, measure every service and write {@code wall.md} and
	 * {@code wall.json}.
	 * @return the results
	 * @throws WallLimitException if a limit of this machine is too low for the steps
	 * @throws Exception if the results cannot be written
	 */
	public WallReport run() throws Exception {
		InFlightLimits limits = InFlightLimits.read();
		List<Integer> steps = this.options.steps(limits);
		int most = steps.get(steps.size() - 1);
		if (this.options.smallestHeap().isPresent()) {
			most = Math.max(most, this.options.smallestHeap().get());
		}
		List<String> problems = limits.problems(most, ACCEPT_BACKLOG);
		if (!problems.isEmpty()) {
			throw new WallLimitException(problems);
		}
		Path directory = this.options.out().toAbsolutePath();
		Files.createDirectories(directory);
		this.out.printf(
				"Each model's wall: %s in flight behind %s of storage latency, heap %s; limits: %,d open files,"
						+ " ports %d-%d, somaxconn %d%nResults: %s%n",
				steps, Durations.format(this.options.latency()), this.options.heap(), limits.openFiles(),
				limits.portRangeLow(), limits.portRangeHigh(), limits.somaxconn(), directory);
		List<ServiceWall> walls = new ArrayList<>();
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
			for (Service service : this.options.services()) {
				walls.add(measure(service, steps, limits, client, directory));
			}
		}
		WallReport report = new WallReport(this.options.latency(), this.options.hold(), this.options.heap(), limits,
				walls);
		report.write(directory, this.json);
		this.out.println("done: " + directory.resolve(WallReport.MARKDOWN));
		return report;
	}

	/**
	 * The listen backlog the services are started with (iomodels.server.accept-backlog).
	 */
	static final int ACCEPT_BACKLOG = 1024;

	private ServiceWall measure(Service service, List<Integer> steps, InFlightLimits limits, HttpClient client,
			Path directory) throws InterruptedException {
		String name = service.shortName();
		List<WallStep> results = new ArrayList<>();
		Optional<Integer> workerThreads = Optional.empty();
		for (int inFlight : steps) {
			// A fresh process for every step: a pool's queue still holds, long after the
			// step, the requests the load generator gave up on, and a step must not start
			// behind them or on the last one's heap.
			try (ServiceProcess process = start(service, this.options.heap(), inFlight, directory)) {
				// Counted before the warm-up, whose connections may still be closing
				// when the step starts.
				int startedWith = openFiles(process.pid());
				workerThreads = workerThreads(client, process);
				run(service, process, Math.min(500, inFlight), this.options.latencyFor(inFlight).plusSeconds(2), limits,
						directory.resolve("gatling").resolve(name).resolve(inFlight + "-in-flight-warm-up"), client,
						false, Optional.empty(), startedWith);
				Optional<MemorySnapshot> idle = Optional.of(MemorySnapshot.take(process.pid(), MemorySnapshot.jcmd()));
				WallStep step = run(service, process, inFlight, this.options.hold(), limits,
						directory.resolve("gatling").resolve(name).resolve(inFlight + "-in-flight"), client, true, idle,
						startedWith);
				results.add(step);
				this.out.printf("%s, %,d in flight: %,d ok, %,d errors, p50 %.0f ms, p99 %.0f ms%s%s%n", name, inFlight,
						step.ok(), step.errors(), step.p50Millis(), step.p99Millis(),
						step.memory()
							.map((memory) -> ", live heap %s (idle %s), RSS %s".formatted(mib(memory.liveHeapBytes()),
									mib(idle.get().liveHeapBytes()), mib(memory.rssBytes())))
							.orElse(""),
						step.failure().map((why) -> " (" + why + ")").orElse(""));
			}
			catch (InterruptedException ex) {
				throw ex;
			}
			catch (Exception ex) {
				this.out.printf("%s, %,d in flight: %s%n", name, inFlight, ex.getMessage());
				results.add(WallStep.failed(name, inFlight, this.options.heap(), String.valueOf(ex.getMessage())));
			}
		}
		ServiceWall wall = new ServiceWall(name, service.model(), workerThreads, results, Optional.empty(), List.of());
		return this.options.smallestHeap().isPresent() ? searchSmallestHeap(service, wall, limits, client, directory)
				: wall;
	}

	/**
	 * Find the smallest heap of {@link #HEAPS} that holds the searched count: start at
	 * the one the step figures predict and step down while it holds, or up until it does.
	 * A pool's wall is its queue, not memory: it is not searched.
	 */
	private ServiceWall searchSmallestHeap(Service service, ServiceWall wall, InFlightLimits limits, HttpClient client,
			Path directory) throws InterruptedException {
		if (wall.workerThreads().isPresent()) {
			return wall;
		}
		int inFlight = this.options.smallestHeap().get();
		int index = firstHeap(wall, inFlight);
		List<ServiceWall.HeapTrial> trials = new ArrayList<>();
		Optional<String> smallest = Optional.empty();
		Boolean lastHeld = null;
		while (index >= 0 && index < HEAPS.size()) {
			String heap = HEAPS.get(index);
			ServiceWall.HeapTrial trial = trial(service, heap, inFlight, limits, client, directory);
			trials.add(trial);
			this.out.printf("%s, smallest heap for %,d in flight: %s %s (%s)%n", service.shortName(), inFlight, heap,
					trial.held() ? "held" : "did not hold", trial.outcome());
			if (trial.held()) {
				smallest = Optional.of(heap);
				if (Boolean.FALSE.equals(lastHeld)) {
					break;
				}
				index--;
			}
			else {
				if (Boolean.TRUE.equals(lastHeld)) {
					break;
				}
				index++;
			}
			lastHeld = trial.held();
		}
		return new ServiceWall(wall.service(), wall.model(), wall.workerThreads(), wall.steps(), smallest, trials);
	}

	/**
	 * Return the index of the first heap to try: the smallest that fits the live heap the
	 * steps predict for this many in flight, with a third more for the collector to work
	 * in.
	 */
	private static int firstHeap(ServiceWall wall, int inFlight) {
		double perThousand = Double.NaN;
		long idle = 0;
		for (WallStep step : wall.steps()) {
			if (step.held() && step.idle().isPresent()) {
				perThousand = step.perThousand(MemorySnapshot::liveHeapBytes);
				idle = step.idle().get().liveHeapBytes();
			}
		}
		if (Double.isNaN(perThousand)) {
			return HEAPS.indexOf("512m");
		}
		double needed = (idle + perThousand * inFlight / 1000) * 4 / 3;
		for (int i = 0; i < HEAPS.size(); i++) {
			if (bytes(HEAPS.get(i)) >= needed) {
				return i;
			}
		}
		return HEAPS.size() - 1;
	}

	static long bytes(String heap) {
		long amount = Long.parseLong(heap.substring(0, heap.length() - 1));
		return switch (heap.charAt(heap.length() - 1)) {
			case 'k' -> amount << 10;
			case 'm' -> amount << 20;
			default -> amount << 30;
		};
	}

	private ServiceWall.HeapTrial trial(Service service, String heap, int inFlight, InFlightLimits limits,
			HttpClient client, Path directory) throws InterruptedException {
		try (ServiceProcess process = start(service, heap, inFlight, directory)) {
			WallStep step = run(service, process, inFlight, SEARCH_HOLD, limits,
					directory.resolve("gatling")
						.resolve(service.shortName())
						.resolve("heap-" + heap + "-" + inFlight + "-in-flight"),
					client, false, Optional.empty(), 0);
			boolean held = step.held() && process.alive();
			String outcome = "%,d ok, %,d errors".formatted(step.ok(), step.errors())
					+ (process.alive() ? "" : ", exited: " + lastLine(process.log()))
					+ step.failure().map((why) -> ", " + why).orElse("");
			return new ServiceWall.HeapTrial(heap, inFlight, held, outcome);
		}
		catch (InterruptedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			return new ServiceWall.HeapTrial(heap, inFlight, false, "did not run: " + ex.getMessage());
		}
	}

	private ServiceProcess start(Service service, String heap, int inFlight, Path directory) throws Exception {
		List<String> flags = new ArrayList<>();
		for (String flag : ServiceProcess.FAIR_JVM_FLAGS) {
			flags.add(flag.startsWith("-Xms") ? "-Xms" + heap : flag.startsWith("-Xmx") ? "-Xmx" + heap : flag);
		}
		// Native memory by category; its own bookkeeping is a few MB, the same for all.
		flags.add("-XX:NativeMemoryTracking=summary");
		flags.add("-XX:ActiveProcessorCount=" + Runtime.getRuntime().availableProcessors());
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("storage.backend", "memory");
		Duration latency = this.options.latencyFor(inFlight);
		properties.put("storage.emulated-latency", latency.toMillis() + "ms");
		// The storage timeout (10 s by default) must not cut a latency this long short.
		properties.put("storage.operation-timeout", latency.plusSeconds(10).toMillis() + "ms");
		// No admission bound (it answers 503 beyond 2,000 at once): the wall is the
		// model's own. Room for every connection of the step.
		properties.put("iomodels.server.max-concurrent-requests", "-1");
		properties.put("iomodels.server.max-buffered-request-bytes", "-1");
		properties.put("iomodels.server.max-connections", Integer.toString(inFlight + 1000));
		properties.put("iomodels.server.accept-backlog", Integer.toString(ACCEPT_BACKLOG));
		// A request waits its turn in classic's queue longer than the default 60 s
		// request timeout allows at these counts; the load generator's timeout decides.
		properties.put("iomodels.server.request-timeout", "-1");
		return ServiceProcess.start(service, service.jar(this.projectRoot, this.version), flags, properties,
				directory.resolve("logs"), Optional.empty());
	}

	/**
	 * Hold {@code inFlight} requests for the hold after a ramp, and read the memory at
	 * the peak of the hold (every connection open, and one latency later), once every
	 * connection is open and every request waits.
	 */
	private WallStep run(Service service, ServiceProcess process, int inFlight, Duration hold, InFlightLimits limits,
			Path runDirectory, HttpClient client, boolean measure, Optional<MemorySnapshot> idle, int baselineFiles)
			throws InterruptedException, IOException {
		Duration ramp = Duration.ofMillis(Math.max(2_000, inFlight * 1000L / RAMP_RATE));
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("baseUrl", process.api().toString());
		properties.put("users", Integer.toString(inFlight));
		properties.put("rampUp", Durations.compact(ramp));
		properties.put("duration", Durations.compact(hold));
		properties.put("sourceAddresses", Integer.toString(limits.sourceAddresses(inFlight)));
		properties.put("sloP99Ms", Long.toString(Duration.ofMinutes(10).toMillis()));
		properties.put("maxErrorPercent", "100");
		// Few objects: the preload waits the storage latency too, a hundred at a time.
		properties.put("keyspace", "100");
		// The service is stopped after the step; its objects go with it.
		properties.put("cleanup", "false");
		Files.createDirectories(runDirectory);
		// Gatling prints this once the simulation's preload is done and the users start.
		ConsoleWatch console = new ConsoleWatch(Files.newOutputStream(runDirectory.resolve("gatling-console.log")),
				"Simulation " + C10kSimulation.class.getName() + " started");
		CompletableFuture<GatlingRunner.Run> load = CompletableFuture
			.supplyAsync(() -> GatlingRunner.execute(C10kSimulation.class, properties, runDirectory, console));
		// The peak: every connection open (the service's descriptors tell, for every
		// model, where its own gauge counts only what its handlers run), then one more
		// latency, so that every request on them waits.
		while (console.seenAt().isEmpty() && !load.isDone()) {
			Thread.sleep(100);
		}
		long deadline = System.nanoTime() + ramp.plus(hold).toNanos();
		int connections = 0;
		while (process.alive() && !load.isDone() && System.nanoTime() < deadline) {
			try {
				connections = openFiles(process.pid()) - baselineFiles;
			}
			catch (IOException ex) {
				// It exited between the two looks.
				break;
			}
			if (connections >= inFlight - inFlight / 50) {
				break;
			}
			Thread.sleep(250);
		}
		Thread.sleep(min(this.options.latencyFor(inFlight).plusSeconds(1), hold.dividedBy(2)).toMillis());
		Optional<MemorySnapshot> memory = Optional.empty();
		Optional<String> failure = Optional.empty();
		if (measure && process.alive() && !load.isDone()) {
			try {
				memory = Optional.of(MemorySnapshot.take(process.pid(), MemorySnapshot.jcmd()));
			}
			catch (IOException ex) {
				failure = Optional.of("memory not read: " + ex.getMessage());
			}
		}
		else if (measure) {
			failure = Optional
				.of("the peak was not reached (%,d of %,d connections open)".formatted(connections, inFlight));
		}
		GatlingStats stats;
		try {
			stats = load.join().stats();
		}
		catch (RuntimeException ex) {
			return WallStep.failed(service.shortName(), inFlight, heapOf(process), "load did not run: " + ex);
		}
		if (!process.alive()) {
			failure = Optional.of(service.shortName() + " exited: " + lastLine(process.log()));
		}
		return new WallStep(service.shortName(), inFlight, heapOf(process), stats.ok(), stats.ko(), stats.p50Ms(),
				stats.p99Ms(), stats.meanMs(), answeredPerSecond(stats), this.options.latencyFor(inFlight).toMillis(),
				idle, memory, failure);
	}

	/**
	 * Return the successful answers per second over the run: Gatling's mean rate counts
	 * the failed requests too, which a pool's queue makes many of.
	 */
	private static double answeredPerSecond(GatlingStats stats) {
		return (stats.total() == 0) ? 0 : stats.meanRequestsPerSecond() * stats.ok() / stats.total();
	}

	private String heapOf(ServiceProcess process) {
		return ProcessHandle.of(process.pid())
			.flatMap((handle) -> handle.info().arguments())
			.flatMap((args) -> java.util.Arrays.stream(args).filter((arg) -> arg.startsWith("-Xmx")).findFirst())
			.map((arg) -> arg.substring(4))
			.orElse(this.options.heap());
	}

	private static int openFiles(long pid) throws IOException {
		try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
			return (int) descriptors.count();
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private Optional<Integer> workerThreads(HttpClient client, ServiceProcess process) {
		if (!process.service().model().equals("platform-threads")) {
			return Optional.empty();
		}
		try {
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(process.api().resolve(URI.create("/api/v1/info"))).build(),
					HttpResponse.BodyHandlers.ofString());
			JsonNode threads = this.json.readTree(response.body()).findValue("workerThreads");
			return (threads != null && threads.isNumber()) ? Optional.of(threads.intValue()) : Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static String lastLine(Path log) {
		try {
			List<String> lines = Files.readAllLines(log).stream().filter((line) -> !line.isBlank()).toList();
			String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
			return (last.length() > 200) ? last.substring(0, 200) + "…" : last;
		}
		catch (IOException ex) {
			return "see " + log;
		}
	}

	private static String mib(long bytes) {
		return "%,.0f MiB".formatted(bytes / 1048576.0);
	}

}
