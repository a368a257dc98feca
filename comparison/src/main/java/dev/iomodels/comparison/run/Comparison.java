package dev.iomodels.comparison.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import dev.iomodels.comparison.Contender;
import dev.iomodels.comparison.Durations;
import dev.iomodels.comparison.Environment;
import dev.iomodels.comparison.LoadStats;
import dev.iomodels.comparison.Machine;
import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.Workload;
import dev.iomodels.comparison.report.ChartImages;
import dev.iomodels.comparison.report.EarlierRun;
import dev.iomodels.comparison.report.MarkdownSummary;
import dev.iomodels.comparison.report.ReportFiles;
import dev.iomodels.comparison.report.ResultsIndex;
import dev.iomodels.comparison.results.ComparisonReport;
import dev.iomodels.comparison.results.Format;
import dev.iomodels.comparison.results.Repetitions;
import dev.iomodels.comparison.results.StepResult;
import dev.iomodels.comparison.run.LoadGenerator.LoadRun;
import dev.iomodels.comparison.sampling.LoadWindow;
import dev.iomodels.comparison.sampling.MetricSample;
import dev.iomodels.comparison.sampling.MetricSampler;
import dev.iomodels.comparison.sampling.RunningService;
import dev.iomodels.comparison.sampling.StepMetrics;
import dev.iomodels.harness.PrometheusScrape;
import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import dev.iomodels.harness.StorageNodeProcess;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a comparison: for every scenario, each service (on each chosen transport) in turn,
 * never two at once, so that none shares the CPU with another. A service is started with
 * the fair JVM flags and the scenario's properties, warmed up until its JIT is quiet,
 * driven one concurrency step at a time while its metrics are sampled, and stopped; with
 * {@code --controls} the control app of its model follows it through the same steps. With
 * {@code --repeat N} this happens N times per scenario, interleaved (classic, loom,
 * webflux, classic, …), so that a slow minute of the machine lands on every service
 * alike, and each figure is the median of the runs with its range. A step that fails is
 * recorded as failed and the comparison goes on: a service that cannot take a load is a
 * result, not a crash.
 */
public final class Comparison {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME
		.withZone(ZoneId.systemDefault());

	/**
	 * Warm-up concurrency: enough requests to compile the request path soon (with 100 ms
	 * of latency, 200 users make 2,000 requests a second), not so many that the first
	 * step's queue builds up during the warm-up.
	 */
	private static final int MAX_WARM_UP_USERS = 200;

	/**
	 * The warm-up goes on while the JIT spends more than this share of a warm-up round
	 * compiling: 2 %, twice what a warm service compiles (measured: about 1 %), a
	 * fiftieth of one of the two compiler threads a cold service keeps busy.
	 */
	static final double QUIET_JIT_SHARE = 0.02;

	private final CompareOptions options;

	private final Path projectRoot;

	private final String projectVersion;

	private final LoadGenerator load;

	private final CpuSets cpus;

	private LoadGenerator wrk;

	private final PrintStream out;

	private final Targets targets;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Prepare a comparison.
	 * @param options the settings
	 * @param projectRoot the checkout the services' jars are built in
	 * @param projectVersion the version of those jars
	 * @param load the load generator
	 * @param out where progress goes
	 * @param targets what is measured: services started here, or remote targets
	 */
	public Comparison(CompareOptions options, Path projectRoot, String projectVersion, LoadGenerator load,
			PrintStream out, Targets targets) {
		this.targets = targets;
		this.options = options;
		this.projectRoot = projectRoot;
		this.projectVersion = projectVersion;
		this.load = load;
		this.out = out;
		this.cpus = options.cpus().orElseGet(() -> CpuSets.defaultFor(Machine.describe().cores()));
	}

	/**
	 * Run every scenario against every service and write the report files.
	 * @return the comparison
	 * @throws Exception if the comparison cannot be made at all (a jar is missing, the
	 * results cannot be written)
	 */
	public ComparisonReport run() throws Exception {
		Instant started = Instant.now();
		Machine machine = Machine.describe();
		Path directory = this.options.out().toAbsolutePath();
		// Refused before minutes of load, and before anything is written, not after.
		Optional<EarlierRun> earlier = this.options.against().map(EarlierRun::read);
		earlier.ifPresent((run) -> run.requireSameEnvironment(machine.cores(),
				EarlierRun.jdk(machine.javaVersion(), machine.javaVendor()),
				this.targets.jvmFlags(serviceJvmFlags(machine))));
		Files.createDirectories(directory);
		List<Scenario> scenarios;
		try (HttpClient client = HttpClient.newHttpClient()) {
			scenarios = this.targets.scenarios(this.options.scenarios(), client, this.out);
		}
		Path jarCopies = Files.createTempDirectory("compared-jars-");
		try {
			Optional<ComparisonStorage.NodeLaunch> node = this.options.backend().equals("remote")
					? Optional.of(new ComparisonStorage.NodeLaunch(
							copy(StorageNodeProcess.jar(this.projectRoot, this.projectVersion), jarCopies),
							this.cpus.load()))
					: Optional.empty();
			return run(started, machine, directory, scenarios, copyJars(jarCopies), node, earlier);
		}
		finally {
			try (Stream<Path> copies = Files.list(jarCopies)) {
				for (Path copy : copies.toList()) {
					Files.delete(copy);
				}
			}
			Files.delete(jarCopies);
		}
	}

	/**
	 * Copy the services' jars: a rebuild during the comparison, which takes minutes, must
	 * not replace a jar between two starts of the same service.
	 */
	private Map<Service, Path> copyJars(Path directory) throws IOException {
		Map<Service, Path> jars = new LinkedHashMap<>();
		List<Service> services = new ArrayList<>(this.options.services());
		if (this.options.controls()) {
			this.options.services().forEach((service) -> services.add(service.control()));
		}
		for (Service service : services) {
			jars.put(service, copy(service.jar(this.projectRoot, this.projectVersion), directory));
		}
		return jars;
	}

	private static Path copy(Path jar, Path directory) throws IOException {
		Path copy = directory.resolve(jar.getFileName());
		// classic's and loom's controls are the same jar.
		return Files.exists(copy) ? copy : Files.copy(jar, copy);
	}

	/**
	 * Return the JVM flags every service is started with: the fair ones, and the same
	 * processor count for every service, whatever the JVM would detect, so that pool
	 * sizes derived from it (carriers, event loops, GC threads) are equal; a pinned
	 * service counts the processors it is pinned to.
	 */
	private List<String> serviceJvmFlags(Machine machine) {
		List<String> jvmFlags = new ArrayList<>(ServiceProcess.FAIR_JVM_FLAGS);
		jvmFlags.add("-XX:ActiveProcessorCount=" + this.cpus.service().map(CpuSets::count).orElse(machine.cores()));
		return jvmFlags;
	}

	private ComparisonReport run(Instant started, Machine machine, Path directory, List<Scenario> scenarios,
			Map<Service, Path> jars, Optional<ComparisonStorage.NodeLaunch> node, Optional<EarlierRun> earlier)
			throws Exception {
		List<String> jvmFlags = serviceJvmFlags(machine);
		pinLoadGenerator();
		this.out.printf("Comparing %s on %s%nResults: %s%n",
				String.join(", ", this.options.contenders().stream().map(Contender::label).toList()), machine.summary(),
				directory);
		this.out.printf("CPUs: %s%n", this.cpus.describe());
		Progress progress = new Progress(this.out, this.options, scenarios);
		List<StepResult> runs = new ArrayList<>();
		List<StepResult> controlRuns = new ArrayList<>();
		List<StepResult> crossCheckRuns = new ArrayList<>();
		Map<String, Map<String, Object>> serviceInfo = new LinkedHashMap<>();
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
				ComparisonStorage database = ComparisonStorage.open(this.options, directory, node)) {
			for (Scenario scenario : scenarios) {
				for (RunOrder.Run planned : RunOrder.of(this.options.contenders(), this.options.repeats(),
						this.options.controlled(scenario) && !this.targets.remote())) {
					ServiceRun run = new ServiceRun(scenario, planned, jars.get(planned.contender().service()),
							scenario.serviceJvmFlags(jvmFlags), directory, client, progress, database);
					(planned.control() ? controlRuns : runs).addAll(run.measure());
					crossCheckRuns.addAll(run.crossChecks());
					run.info()
						.ifPresent((info) -> serviceInfo.putIfAbsent(scenario.id() + "/" + planned.contender().label(),
								info));
				}
			}
		}
		Instant finished = Instant.now();
		Map<String, Object> settings = new LinkedHashMap<>(this.options.settings());
		settings.put("cpus", this.cpus.describe());
		Environment environment = new Environment(TIMESTAMP.format(started.truncatedTo(ChronoUnit.SECONDS)),
				TIMESTAMP.format(finished.truncatedTo(ChronoUnit.SECONDS)),
				Duration.between(started, finished).toSeconds(), machine, this.projectVersion, gitCommit(),
				springBootVersion(jars.values().iterator().next()), loadGenerators(scenarios),
				this.targets.jvmFlags(jvmFlags), this.targets.settings(settings), scenarios, serviceInfo);
		ComparisonReport report = new ComparisonReport(environment, scenarios,
				this.options.contenders().stream().map(Contender::label).toList(), Repetitions.summarise(runs),
				Repetitions.summarise(controlRuns), Repetitions.summarise(crossCheckRuns));
		ReportFiles.write(report, directory, earlier);
		writeImages(report, earlier, directory, progress);
		ResultsIndex.update(directory);
		progress.line("done: " + directory.resolve(ReportFiles.REPORT));
		return report;
	}

	/**
	 * Pin this JVM, and so Gatling in it, to the load generator's processors: every
	 * thread it has now, and every thread they make later, which inherits the set.
	 */
	private void pinLoadGenerator() throws IOException, InterruptedException {
		if (this.cpus.load().isPresent()) {
			CpuSets.pin(ProcessHandle.current().pid(), this.cpus.load().get());
		}
	}

	/**
	 * Return the load generator that drives a scenario's steps.
	 * @param scenario the scenario
	 * @return wrk for the GET sweeps with {@code --load-generator wrk}, else Gatling
	 */
	private LoadGenerator generatorOf(Scenario scenario) {
		return this.options.wrkDrives(scenario) ? wrk() : this.load;
	}

	/**
	 * Return the other load generator, which measures a step again with
	 * {@code --cross-check}.
	 * @param scenario the scenario
	 * @return the other generator, if the scenario is a GET sweep that both can drive
	 */
	private Optional<LoadGenerator> crossCheckerOf(Scenario scenario) {
		if (!this.options.crossCheck() || scenario.workload() != Workload.CONCURRENCY_SWEEP || !scenario.getsOnly()) {
			return Optional.empty();
		}
		return Optional.of(this.options.wrkDrives(scenario) ? this.load : wrk());
	}

	private LoadGenerator wrk() {
		if (this.wrk == null) {
			this.wrk = new WrkLoadGenerator(this.cpus.load());
		}
		return this.wrk;
	}

	private String loadGenerators(List<Scenario> scenarios) {
		boolean wrkUsed = scenarios.stream()
			.anyMatch((scenario) -> this.options.wrkDrives(scenario) || crossCheckerOf(scenario).isPresent());
		boolean gatlingUsed = scenarios.stream()
			.anyMatch((scenario) -> !this.options.wrkDrives(scenario) || crossCheckerOf(scenario).isPresent());
		if (!wrkUsed) {
			return this.load.description();
		}
		String wrkRole = this.options.loadGenerator().equals("wrk") ? " (GET sweeps)" : " (cross-check)";
		return gatlingUsed ? wrk().description() + wrkRole + ", " + this.load.description()
				: wrk().description() + wrkRole;
	}

	/**
	 * Write every chart as an SVG image and link them from {@code summary.md}. A failure
	 * to draw them leaves the report as it is, without images, and says so: the figures
	 * are all in the page and the tables.
	 */
	private static void writeImages(ComparisonReport report, Optional<EarlierRun> earlier, Path directory,
			Progress progress) throws IOException {
		List<ChartImages.Image> images;
		try {
			images = ChartImages.write(report, earlier, directory);
		}
		catch (RuntimeException ex) {
			progress.line("the charts' SVG images could not be drawn (" + ex.getMessage() + "); report.html has them");
			return;
		}
		Files.writeString(directory.resolve(ReportFiles.SUMMARY), MarkdownSummary.images(images),
				StandardOpenOption.APPEND);
		progress.line(images.size() + " charts written as SVG images to " + directory.resolve(ChartImages.DIRECTORY));
	}

	private String gitCommit() {
		try {
			Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(this.projectRoot.toFile())
				.redirectErrorStream(true)
				.start();
			String commit = new String(git.getInputStream().readAllBytes()).strip();
			return (git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0) ? commit : "unknown";
		}
		catch (IOException ex) {
			return "unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

	private static String springBootVersion(Path jar) {
		try (JarFile file = new JarFile(jar.toFile())) {
			return Optional.ofNullable(file.getManifest().getMainAttributes().getValue("Spring-Boot-Version"))
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/**
	 * One service (or control app) in one scenario, one round: start, warm up, every
	 * step, stop.
	 */
	private final class ServiceRun {

		private final Scenario scenario;

		private final Contender contender;

		private final RunOrder.Run planned;

		private final Service service;

		private final Path jar;

		private final List<String> jvmFlags;

		private final Path directory;

		private final HttpClient client;

		private final Progress progress;

		private final ComparisonStorage database;

		private final List<StepResult> crossChecks = new ArrayList<>();

		private Map<String, Object> info;

		ServiceRun(Scenario scenario, RunOrder.Run planned, Path jar, List<String> jvmFlags, Path directory,
				HttpClient client, Progress progress, ComparisonStorage database) {
			this.database = database;
			this.scenario = scenario;
			this.planned = planned;
			this.contender = planned.contender();
			this.service = this.contender.service();
			this.jar = jar;
			this.jvmFlags = jvmFlags;
			this.directory = directory;
			this.client = client;
			this.progress = progress;
		}

		Optional<Map<String, Object>> info() {
			return Optional.ofNullable(this.info);
		}

		List<StepResult> crossChecks() {
			return this.crossChecks;
		}

		/**
		 * Return how this run is named in progress lines.
		 */
		private String title() {
			return this.contender.label() + ((Comparison.this.options.repeats() > 1)
					? " (run %d/%d)".formatted(this.planned.round(), Comparison.this.options.repeats()) : "");
		}

		List<StepResult> measure() throws InterruptedException {
			try {
				return startAndMeasure();
			}
			finally {
				// A storage node serves one service: the next one starts on a new, empty
				// node.
				this.database.release();
			}
		}

		private List<StepResult> startAndMeasure() throws InterruptedException {
			String name = this.contender.label();
			this.progress.starting(this.scenario, title());
			long launched = System.nanoTime();
			RunningService process;
			try {
				Map<String, String> properties = new LinkedHashMap<>(
						this.scenario.serviceProperties(Comparison.this.options.backend()));
				this.contender.transport()
					.ifPresent((transport) -> properties.put("iomodels.server.transport", transport));
				this.contender.client().ifPresent((client) -> properties.put("storage.remote.client", client));
				if (!this.service.isControl()) {
					// Every service starts on an empty database with the same settings.
					properties.putAll(this.database.prepareFor(this.service, this.scenario.emulatedLatency()));
				}
				process = Comparison.this.targets.start(this.contender,
						() -> ServiceProcess.start(this.service, this.jar, this.jvmFlags, properties,
								this.directory.resolve("logs"), Comparison.this.cpus.service()),
						this.client, this.directory.resolve("logs"));
			}
			catch (Exception ex) {
				this.progress.line(name + " did not start: " + ex.getMessage());
				this.progress.serviceDone(true, 1 + this.scenario.users().size(), plannedLoad());
				return this.scenario.users()
					.stream()
					.map((users) -> StepResult.failed(this.scenario.id(), name, users,
							"did not start: " + ex.getMessage()))
					.toList();
			}
			List<StepResult> results = new ArrayList<>();
			try (process) {
				this.progress.started(Duration.ofNanos(System.nanoTime() - launched));
				this.info = info(process);
				warmUp(process);
				List<Integer> steps = this.scenario.users();
				for (int i = 0; i < steps.size(); i++) {
					results.add(step(process, i, steps.get(i), generatorOf(this.scenario), false));
					Optional<LoadGenerator> crossChecker = crossCheckerOf(this.scenario);
					if (crossChecker.isPresent()) {
						this.crossChecks.add(step(process, i, steps.get(i), crossChecker.get(), true));
					}
				}
			}
			this.progress.serviceDone(false, 0, Duration.ZERO);
			return results;
		}

		private Duration plannedLoad() {
			return Comparison.this.options.warmUp()
				.plus(this.scenario.stepDuration().multipliedBy(this.scenario.users().size()));
		}

		/**
		 * Warm the service up in rounds of the warm-up's length until a round in which
		 * the JIT compiled for less than {@link #QUIET_JIT_SHARE} of the time, or the
		 * limit. The first measured step then measures the compiled code, not the
		 * compiler: a cold service spends both cores' worth of compiler threads for
		 * seconds, and on classic, whose 200 runnable platform threads leave the compiler
		 * threads a small share of the CPU, that takes the longest.
		 */
		private void warmUp(RunningService process) {
			Duration round = Comparison.this.options.warmUp();
			if (round.isZero()) {
				this.progress.ran(Duration.ZERO, Duration.ZERO, "");
				return;
			}
			int users = Math.min(Collections.max(this.scenario.users()), MAX_WARM_UP_USERS);
			// Always the plain sweep: its only job is to compile the request path.
			Scenario warmUpScenario = new Scenario(this.scenario.id() + "-warm-up", "warm-up", "",
					Workload.CONCURRENCY_SWEEP, this.scenario.emulatedLatency(), List.of(users), round, Map.of());
			LoadGenerator generator = generatorOf(this.scenario);
			this.progress.running(this.scenario, this.contender.label(), "warm-up (not measured)", users, round);
			long began = System.nanoTime();
			Duration warmedUp = Duration.ZERO;
			int rounds = 0;
			String outcome = "";
			double share = Double.NaN;
			do {
				double compiledBefore = compilationMillis(process);
				long roundBegan = System.nanoTime();
				try {
					LoadRun run = generator.run(warmUpScenario, users, round, process.api(),
							this.directory.resolve("gatling")
								.resolve("warm-up")
								.resolve(this.scenario.id() + "-" + directoryName() + "-" + this.planned.round() + "-"
										+ rounds));
					outcome = Format.throughput(run.stats());
				}
				catch (Exception ex) {
					outcome = "failed: " + ex;
					break;
				}
				finally {
					rounds++;
					warmedUp = warmedUp.plus(round);
				}
				share = (compilationMillis(process) - compiledBefore) / ((System.nanoTime() - roundBegan) / 1e6);
			}
			while (!(share <= QUIET_JIT_SHARE)
					&& warmedUp.plus(round).compareTo(Comparison.this.options.warmUpLimit()) <= 0 && alive(process));
			String jit = Double.isNaN(share) ? "JIT not measured" : "JIT compiling " + Format.percent(share)
					+ " of the last round" + ((share <= QUIET_JIT_SHARE) ? " (quiet)" : " (still busy at the limit)");
			this.progress.ran(round, Duration.ofNanos(System.nanoTime() - began), "warm-up: %s, %d round%s of %s, %s"
				.formatted(outcome, rounds, (rounds == 1) ? "" : "s", Durations.format(round), jit));
		}

		private double compilationMillis(RunningService process) {
			try {
				return PrometheusScrape.of(this.client, process.management()).sum("jvm_compilation_time_ms_total");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Double.NaN;
			}
			catch (Exception ex) {
				return Double.NaN;
			}
		}

		/**
		 * Return the contender's name as one path segment: {@code webflux-io_uring}.
		 */
		private String directoryName() {
			return this.contender.label().replace('/', '-');
		}

		private StepResult step(RunningService process, int index, int users, LoadGenerator generator,
				boolean crossCheck) throws InterruptedException {
			String name = this.contender.label();
			Duration duration = this.scenario.stepDuration();
			if (!alive(process)) {
				this.progress.ran(duration, duration, "skipped: " + name + " has exited");
				return StepResult.failed(this.scenario.id(), name, users,
						name + " had exited; see " + this.directory.relativize(process.log().toAbsolutePath()));
			}
			String what = "step %d/%d".formatted(index + 1, this.scenario.users().size())
					+ (crossCheck ? ", cross-check by " + generator.description() : "");
			this.progress.running(this.scenario, title(), what, users, duration);
			Path runDirectory = this.directory.resolve(crossCheck ? "cross-check" : "gatling")
				.resolve(this.scenario.id())
				.resolve(directoryName())
				.resolve(users + "-users"
						+ ((Comparison.this.options.repeats() > 1) ? "-run-" + this.planned.round() : ""));
			long began = System.nanoTime();
			MetricSampler sampler = MetricSampler.start(process, this.client, this.database.storageProcess());
			LoadRun run;
			try {
				run = generator.run(this.scenario, users, duration, process.api(), runDirectory);
			}
			catch (InterruptedException ex) {
				throw ex;
			}
			catch (Exception ex) {
				List<MetricSample> samples = sampler.finish();
				this.progress.ran(duration, Duration.ofNanos(System.nanoTime() - began), "failed: " + ex);
				return new StepResult(this.scenario.id(), name, users, StepResult.NOTHING_SENT, StepMetrics.of(samples),
						samples, LoadWindow.WHOLE_STEP, Optional.empty(), Optional.of(String.valueOf(ex.getMessage())));
			}
			List<MetricSample> samples = sampler.finish();
			LoadWindow window = loadWindow(run, sampler.startedNanos());
			StepMetrics metrics = StepMetrics.of(samples, window);
			LoadStats stats = run.stats();
			// A service that dies under load (ExitOnOutOfMemoryError) leaves only refused
			// connections in the load generator's figures: say why.
			Optional<String> exited = alive(process) ? Optional.empty()
					: Optional.of(name + " exited during the step: " + lastLine(process.log()));
			this.progress.ran(duration, Duration.ofNanos(System.nanoTime() - began),
					"%s · p50 %s · p99 %s · %s platform threads · RSS %s%s%s".formatted(Format.throughput(stats),
							Format.millis(stats.p50Millis()), Format.millis(stats.p99Millis()),
							Format.count(metrics.platformThreadsMax()), Format.mebibytes(metrics.rssMaxBytes()),
							metrics.jitBusy() ? " · JIT still busy (" + Format.percent(metrics.jitShare()) + ")" : "",
							exited.map((why) -> " · " + why).orElse("")));
			Optional<String> report = run.reportDirectory()
				.map((path) -> this.directory.relativize(path.toAbsolutePath()).toString().replace('\\', '/'));
			return new StepResult(this.scenario.id(), name, users, stats, metrics, samples, window, report, exited);
		}

		private static boolean alive(RunningService process) {
			return process.alive();
		}

		private static String lastLine(Path log) {
			try (Stream<String> lines = Files.lines(log)) {
				String last = lines.filter((line) -> !line.isBlank()).reduce((first, second) -> second).orElse("");
				return (last.length() > 200) ? last.substring(0, 200) + "…" : last;
			}
			catch (IOException | UncheckedIOException ex) {
				return "see " + log;
			}
		}

		private static LoadWindow loadWindow(LoadRun run, long samplingStartedNanos) {
			if (run.loadStartedNanos().isEmpty()) {
				return LoadWindow.WHOLE_STEP;
			}
			double from = (run.loadStartedNanos().getAsLong() - samplingStartedNanos) / 1e9;
			return new LoadWindow(from, from + run.loadDuration().toNanos() / 1e9);
		}

		private Map<String, Object> info(RunningService process) {
			try {
				HttpResponse<String> response = this.client
					.send(HttpRequest.newBuilder(process.api().resolve(URI.create("/api/v1/info")))
						.timeout(Duration.ofSeconds(10))
						.build(), HttpResponse.BodyHandlers.ofString());
				return Comparison.this.json.readValue(response.body(), new TypeReference<Map<String, Object>>() {
				});
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
			catch (Exception ex) {
				return null;
			}
		}

	}

}
