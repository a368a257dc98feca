package dev.iomodels.comparison.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.iomodels.comparison.Contender;
import dev.iomodels.comparison.Durations;
import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.Workload;
import dev.iomodels.harness.Service;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The comparison's settings, from the command line: a profile and the flags that override
 * its values.
 *
 * @param profile the profile the defaults come from
 * @param latency the emulated storage latency of the latency sweep
 * @param users the concurrency steps of both sweeps, if given; otherwise the profile's
 * @param stepDuration how long each step holds its users
 * @param warmUp the unmeasured load after each start
 * @param services the services to compare, in report order
 * @param transports the transports to run each service on (each service on each of them
 * it supports), in order; empty for each service's default
 * @param remoteClients on the remote backend, the blocking clients to run classic and
 * loom on (each on each of them); empty for their default
 * @param backend the storage backend every service uses: {@code memory}, {@code postgres}
 * or {@code remote}
 * @param databaseUrl with the postgres backend, the database to use
 * ({@code postgresql://host:port/database}); empty for an embedded PostgreSQL that the
 * comparison starts itself
 * @param databaseUser the user for {@code databaseUrl}
 * @param out the directory the results go to
 * @param help whether only the usage was asked for
 * @param repeats how many times each step runs, interleaved across the services
 * @param controls whether each service's control app (its model's bare endpoint) runs
 * beside it in the GET-only scenarios
 * @param loadGenerator {@code gatling} or {@code wrk}, the load generator of the GET
 * sweeps (the other scenarios always use Gatling)
 * @param crossCheck whether every GET-sweep step is measured again by the other load
 * generator, right after the first
 * @param cpus where the services and the load generator run; empty for the machine's
 * default ({@link CpuSets#defaultFor(int)})
 * @param warmUpLimit how long the warm-up may go on while the JIT is still compiling
 * @param against an earlier comparison's results directory to compare every figure with
 * @param scenarioIds the profile's scenarios to run, by id; empty for all of them
 */
public record CompareOptions(Profile profile, Duration latency, Optional<List<Integer>> users, Duration stepDuration,
		Duration warmUp, List<Service> services, List<String> transports, List<String> remoteClients, String backend,
		Optional<String> databaseUrl, String databaseUser, Path out, boolean help, int repeats, boolean controls,
		String loadGenerator, boolean crossCheck, Optional<CpuSets> cpus, Duration warmUpLimit, Optional<Path> against,
		Optional<List<String>> scenarioIds) {

	private static final Duration DEFAULT_LATENCY = Duration.ofMillis(100);

	/** The heap of every service in the C10K scenario, in the JVM's notation. */
	static final String C10K_HEAP = "4g";

	/** The load generators of {@code --load-generator}. */
	static final List<String> LOAD_GENERATORS = List.of("gatling", "wrk");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	public CompareOptions {
		users = users.map(List::copyOf);
		scenarioIds = scenarioIds.map(List::copyOf);
		services = List.copyOf(services);
		transports = List.copyOf(transports);
		remoteClients = List.copyOf(remoteClients);
	}

	/**
	 * Parse the command line.
	 * @param args the arguments, as {@code --flag value} or {@code --flag=value}
	 * @param now the time the default output directory is named after
	 * @return the options
	 * @throws IllegalArgumentException for an unknown flag or a bad value, with a message
	 * that says which
	 */
	public static CompareOptions parse(String[] args, LocalDateTime now) {
		CommandLine commandLine = CompareFlags.commandLine();
		parseArgs(commandLine, args);
		if (commandLine.isUsageHelpRequested()) {
			return defaults(now).withHelp();
		}
		CompareFlags flags = commandLine.getCommand();
		Profile profile = Profile.named(Objects.requireNonNullElse(flags.profile, "quick"));
		Duration latency = Optional.ofNullable(flags.latency).map(Durations::parse).orElse(DEFAULT_LATENCY);
		Optional<List<Integer>> users = Optional.ofNullable(flags.users).map(CompareOptions::users);
		Duration stepDuration = Optional.ofNullable(flags.stepDuration)
			.map(Durations::parse)
			.orElse(profile.stepDuration());
		Duration warmUp = Optional.ofNullable(flags.warmUp).map(Durations::parse).orElse(profile.warmUp());
		if (stepDuration.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("--step-duration must be at least 1s");
		}
		List<Service> services = Optional.ofNullable(flags.services).map(CompareOptions::services).orElse(Service.ALL);
		List<String> transports = Optional.ofNullable(flags.transports)
			.map(CompareOptions::transports)
			.orElse(List.of());
		String backend = Objects.requireNonNullElse(flags.backend, "memory");
		if (!List.of("memory", "postgres", "remote").contains(backend)) {
			throw new IllegalArgumentException("--backend is memory, postgres or remote, not " + backend);
		}
		List<String> remoteClients = Optional.ofNullable(flags.remoteClients)
			.map(CompareOptions::remoteClients)
			.orElse(List.of());
		if (!remoteClients.isEmpty() && !backend.equals("remote")) {
			throw new IllegalArgumentException("--remote-clients needs --backend remote");
		}
		Optional<String> databaseUrl = Optional.ofNullable(flags.databaseUrl);
		if (databaseUrl.isPresent() && !backend.equals("postgres")) {
			throw new IllegalArgumentException("--database-url needs --backend postgres");
		}
		String databaseUser = Objects.requireNonNullElse(flags.databaseUser, "iomodels");
		Path out = Path.of(Objects.requireNonNullElse(flags.out, "results/" + TIMESTAMP.format(now)));
		int repeats = Optional.ofNullable(flags.repeat).map(CompareOptions::repeats).orElse(profile.repeats());
		boolean controls = flags.controls || (profile.controls() && !flags.noControls);
		String loadGenerator = Objects.requireNonNullElse(flags.loadGenerator, "gatling");
		if (!LOAD_GENERATORS.contains(loadGenerator)) {
			throw new IllegalArgumentException("--load-generator is gatling or wrk, not " + loadGenerator);
		}
		Optional<CpuSets> cpus = Optional.ofNullable(flags.cpus).map(CpuSets::parse);
		Duration warmUpLimit = Optional.ofNullable(flags.warmUpLimit)
			.map(Durations::parse)
			.orElse(profile.warmUpLimit());
		if (warmUpLimit.compareTo(warmUp) < 0) {
			warmUpLimit = warmUp;
		}
		if (controls && !transports.isEmpty()) {
			throw new IllegalArgumentException("--controls runs each model's control on its default transport:"
					+ " leave out --transports, or --controls");
		}
		if (controls && !remoteClients.isEmpty()) {
			throw new IllegalArgumentException("--controls runs one control per model, and --remote-clients several"
					+ " of classic and loom: leave out --remote-clients, or --controls");
		}
		Optional<Path> against = Optional.ofNullable(flags.against).map(Path::of);
		CompareOptions options = new CompareOptions(profile, latency, users, stepDuration, warmUp, services, transports,
				remoteClients, backend, databaseUrl, databaseUser, out, false, repeats, controls, loadGenerator,
				flags.crossCheck, cpus, warmUpLimit, against,
				Optional.ofNullable(flags.scenarios).map(CompareOptions::scenarioIds));
		if (options.contenders().isEmpty()) {
			throw new IllegalArgumentException("--transports " + String.join(",", transports)
					+ ": none of the chosen services runs any of them; see --help");
		}
		// Refused now, not after minutes of other scenarios.
		options.scenarios();
		return options;
	}

	private static CompareOptions defaults(LocalDateTime now) {
		return parse(new String[0], now);
	}

	private CompareOptions withHelp() {
		return new CompareOptions(this.profile, this.latency, this.users, this.stepDuration, this.warmUp, this.services,
				this.transports, this.remoteClients, this.backend, this.databaseUrl, this.databaseUser, this.out, true,
				this.repeats, this.controls, this.loadGenerator, this.crossCheck, this.cpus, this.warmUpLimit,
				this.against, this.scenarioIds);
	}

	/**
	 * Return what to run, in report order: each service on each chosen transport it
	 * supports, or on its default, and classic and loom on each chosen storage client.
	 * @return the contenders
	 */
	List<Contender> contenders() {
		List<Contender> contenders = new ArrayList<>();
		for (Service service : this.services) {
			List<Optional<String>> transportsOf = this.transports.isEmpty() ? List.of(Optional.empty())
					: this.transports.stream().filter(service.transports()::contains).map(Optional::of).toList();
			// webflux reaches the node with WebClient whatever storage.remote.client
			// says.
			List<Optional<String>> clientsOf = (this.remoteClients.isEmpty() || service == Service.WEBFLUX)
					? List.of(Optional.empty()) : this.remoteClients.stream().map(Optional::of).toList();
			for (Optional<String> transport : transportsOf) {
				for (Optional<String> client : clientsOf) {
					contenders.add(new Contender(service, transport, client));
				}
			}
		}
		return contenders;
	}

	/**
	 * Return the scenarios to run, in order.
	 * @return the two sweeps, and with the full profile C10K, large payloads and a spike
	 */
	public List<Scenario> scenarios() {
		List<Scenario> all = profileScenarios();
		if (this.scenarioIds.isEmpty()) {
			return all;
		}
		List<String> known = all.stream().map(Scenario::id).toList();
		for (String id : this.scenarioIds.get()) {
			if (!known.contains(id)) {
				throw new IllegalArgumentException("--scenarios: the " + this.profile.name() + " profile has no '" + id
						+ "'; it has " + String.join(", ", known)
						+ (this.profile.extended() ? "" : " (c10k, large-payload and spike are in --full)"));
			}
		}
		return all.stream().filter((scenario) -> this.scenarioIds.get().contains(scenario.id())).toList();
	}

	private List<Scenario> profileScenarios() {
		List<Scenario> scenarios = new ArrayList<>();
		String latencyText = Durations.format(this.latency);
		// Without latency the latency sweep would repeat the CPU-bound one.
		if (!this.latency.isZero()) {
			scenarios.add(new Scenario("latency-sweep", "Concurrency sweep, " + latencyText + " storage latency",
					"Every request waits " + latencyText
							+ " for storage. A pool of 200 platform threads caps throughput at"
							+ " 200 ÷ latency and queues the rest; virtual threads and the event loop wait without"
							+ " holding a thread, so only the CPU limits them.",
					Workload.CONCURRENCY_SWEEP, this.latency, this.users.orElse(this.profile.latencyUsers()),
					this.stepDuration, Map.of()));
		}
		scenarios.add(new Scenario("cpu-bound-sweep", "Concurrency sweep, no latency (CPU-bound)",
				"Nothing waits: every request is microseconds of CPU, so the CPU is the limit and the three models"
						+ " should be close. Differences here are the cost of each stack, not of its I/O model.",
				Workload.CONCURRENCY_SWEEP, Duration.ZERO, this.users.orElse(this.profile.cpuBoundUsers()),
				this.stepDuration, Map.of()));
		if (this.profile.extended()) {
			Duration held = max(this.stepDuration, Duration.ofSeconds(30));
			// Every service gets C10K_HEAP here: Tomcat keeps 82-90 KiB of heap per
			// request in flight (the buffers of its request processor and a virtual
			// thread's stack; docs/wall.md), so loom, which has all 10,000 in flight,
			// dies
			// of OutOfMemoryError in the fair 512 MiB; it needs about 900 MB of live heap
			// and held 10,000 in no less than 1 GiB.
			scenarios.add(new Scenario("c10k", "C10K: 10,000 concurrent users, 1 s storage latency",
					"Ten thousand users, each with a request waiting a second: a thread per request needs ten"
							+ " thousand threads; the pool of 200 queues them, virtual threads and the event loop"
							+ " should hold them all. Every service gets the same larger heap here (-Xmx" + C10K_HEAP
							+ "): a servlet container keeps buffers for each request in flight, 82-90 KiB of"
							+ " heap each, and loom has all of them in flight at once (./compare --wall measures it).",
					Workload.C10K, Duration.ofSeconds(1), List.of(10_000), held, Map.of(), Optional.of(C10K_HEAP)));
			scenarios.add(new Scenario("large-payload", "Large payloads: 256 KiB to 1 MiB objects, 50 users",
					"Big bodies stress memory and the collector rather than threads: how much heap, RSS and GC"
							+ " time each stack spends to move the same bytes.",
					Workload.LARGE_PAYLOAD, Duration.ZERO, List.of(50), this.stepDuration,
					Map.of("payloadSizes", "256KiB,512KiB,1MiB")));
			scenarios.add(new Scenario("spike", "Spike: idle to 2,000 users at once, " + latencyText + " latency",
					"A sudden crowd after five quiet seconds: the pool must queue it, virtual threads and the event"
							+ " loop take it on at once. The step includes the quiet lead-in.",
					Workload.SPIKE, this.latency, List.of(2_000), this.stepDuration, Map.of()));
		}
		return scenarios;
	}

	/**
	 * Return the settings as they go into {@code environment.json}.
	 * @return name to value
	 */
	public Map<String, Object> settings() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("profile", this.profile.name());
		settings.put("latency", Durations.compact(this.latency));
		settings.put("users", this.users.map(Object::toString).orElse("profile's"));
		settings.put("stepDuration", Durations.compact(this.stepDuration));
		settings.put("warmUp", Durations.compact(this.warmUp));
		settings.put("services", this.services.stream().map(Service::shortName).toList());
		settings.put("transports", this.transports.isEmpty() ? "each service's default" : this.transports);
		settings.put("backend", this.backend);
		if (this.backend.equals("remote")) {
			settings.put("storageNode", "one per service, started empty, the latency in the node");
			settings.put("remoteClients", this.remoteClients.isEmpty() ? "each service's default" : this.remoteClients);
		}
		if (this.backend.equals("postgres")) {
			settings.put("database", this.databaseUrl.orElse("embedded PostgreSQL, emptied before each service"));
		}
		settings.put("repeats", this.repeats);
		settings.put("controls", this.controls);
		settings.put("loadGenerator", this.loadGenerator);
		settings.put("crossCheck", this.crossCheck);
		settings.put("warmUpLimit", Durations.compact(this.warmUpLimit));
		settings.put("out", this.out.toString());
		this.against.ifPresent((directory) -> settings.put("against", directory.toString()));
		this.scenarioIds.ifPresent((ids) -> settings.put("scenarios", ids));
		return settings;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/**
	 * Parse a command line into the flags of a command line from
	 * {@link CompareFlags#commandLine()}.
	 * @throws IllegalArgumentException for an unknown flag, a stray argument or a flag
	 * without its value, saying which
	 */
	private static void parseArgs(CommandLine commandLine, String[] args) {
		try {
			commandLine.parseArgs(args);
		}
		catch (CommandLine.UnmatchedArgumentException ex) {
			String first = ex.getUnmatched().getFirst();
			throw new IllegalArgumentException(
					first.startsWith("--") ? "Unknown flag " + first.split("=", 2)[0] + "; see --help"
							: "Unexpected argument '" + first + "'; see --help",
					ex);
		}
		catch (CommandLine.MissingParameterException ex) {
			String flag = (ex.getMissing().getFirst() instanceof OptionSpec option) ? option.longestName() : "A flag";
			throw new IllegalArgumentException(flag + " needs a value; see --help", ex);
		}
		catch (CommandLine.ParameterException ex) {
			throw new IllegalArgumentException(ex.getMessage() + "; see --help", ex);
		}
	}

	/**
	 * Return what {@code --help} prints, generated from the flags' declarations.
	 * @return the usage
	 */
	public static String usage() {
		return CompareFlags.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);
	}

	private static List<Integer> users(String text) {
		try {
			List<Integer> users = Arrays.stream(text.split(",")).map(String::strip).map(Integer::parseInt).toList();
			if (users.isEmpty() || users.stream().anyMatch((count) -> count < 1)) {
				throw new NumberFormatException();
			}
			return users;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--users takes positive numbers separated by commas, e.g. 50,200,800");
		}
	}

	private static int repeats(String text) {
		try {
			int repeats = Integer.parseInt(text.strip());
			if (repeats >= 1 && repeats <= 20) {
				return repeats;
			}
		}
		catch (NumberFormatException ex) {
			// Said below.
		}
		throw new IllegalArgumentException("--repeat takes a number from 1 to 20, not " + text);
	}

	/**
	 * Return whether a scenario is run beside the control apps: only GET-only scenarios,
	 * since a control stores nothing and answers every GET with the same bytes.
	 * @param scenario the scenario
	 * @return whether its controls run, with {@code --controls}
	 */
	boolean controlled(Scenario scenario) {
		return this.controls && scenario.getsOnly();
	}

	/**
	 * Return whether a scenario's steps are driven by wrk: the GET sweeps with
	 * {@code --load-generator wrk}.
	 * @param scenario the scenario
	 * @return whether wrk drives it
	 */
	boolean wrkDrives(Scenario scenario) {
		return this.loadGenerator.equals("wrk") && scenario.workload() == Workload.CONCURRENCY_SWEEP;
	}

	private static List<String> transports(String text) {
		List<String> known = Service.ALL.stream()
			.flatMap((service) -> service.transports().stream())
			.distinct()
			.toList();
		List<String> transports = Arrays.stream(text.split(","))
			.map(String::strip)
			.map((transport) -> transport.toLowerCase(Locale.ROOT).replace('-', '_'))
			.distinct()
			.toList();
		for (String transport : transports) {
			if (!known.contains(transport)) {
				throw new IllegalArgumentException(
						"Unknown transport '" + transport + "'; use some of " + String.join(", ", known));
			}
		}
		return transports;
	}

	private static List<String> scenarioIds(String text) {
		return Arrays.stream(text.split(",")).map(String::strip).filter((id) -> !id.isEmpty()).distinct().toList();
	}

	private static List<String> remoteClients(String text) {
		List<String> clients = Arrays.stream(text.split(",")).map(String::strip).distinct().toList();
		for (String client : clients) {
			if (!Contender.REMOTE_CLIENTS.contains(client)) {
				throw new IllegalArgumentException("Unknown storage client '" + client + "'; use some of "
						+ String.join(", ", Contender.REMOTE_CLIENTS));
			}
		}
		return clients;
	}

	private static List<Service> services(String text) {
		List<Service> services = Arrays.stream(text.split(","))
			.map(String::strip)
			.map(Service::named)
			.distinct()
			.toList();
		if (services.isEmpty()) {
			throw new IllegalArgumentException("--services names at least one of classic, loom, webflux");
		}
		return services;
	}

}
