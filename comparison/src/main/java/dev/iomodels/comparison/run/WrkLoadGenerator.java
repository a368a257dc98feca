package dev.iomodels.comparison.run;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.iomodels.comparison.LoadStats;
import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.Workload;
import dev.iomodels.comparison.sampling.MachineCpu;
import dev.iomodels.gatling.StorageApi;

/**
 * The second load generator: <a href="https://github.com/wg/wrk">wrk</a>, a C program on
 * its own epoll loops, as a cross-check of Gatling's figures. It drives only what both
 * can send alike: the concurrency sweep at 100 % reads, GETs of random keys of a
 * preloaded keyspace. The keyspace is preloaded and deleted afterwards by the gatling
 * module's {@link StorageApi}, the same objects of the same bytes Gatling's sweep reads;
 * a generated Lua script sends the GETs and writes wrk's figures in a form this class
 * reads.
 * <p>
 * wrk's {@code -c} connections each have one request in flight at a time, which is
 * Gatling's closed model of N users on shared keep-alive connections. Unlike Gatling it
 * runs outside this JVM, so {@link MachineCpu#loadGeneratorSeconds()} does not count it.
 */
final class WrkLoadGenerator implements LoadGenerator {

	/** The Lua script of a run, in the run's results directory. */
	static final String SCRIPT = "wrk.lua";

	/** wrk's own output: its summary table, as a person reads it. */
	static final String STDOUT = "wrk-stdout.log";

	static final String STDERR = "wrk-stderr.log";

	/** The figures the script's {@code done} writes, {@code key=value} a line. */
	static final String SUMMARY = "wrk-summary.txt";

	/** What the preload and cleanup print. */
	static final String PREPARATION_LOG = "wrk-preparation.log";

	static final String NOT_INSTALLED = "wrk is not installed: scripts/install-test-tools.sh installs it (Debian package wrk)";

	/** Gatling's sweep: 1,000 objects of 1 KiB, read at random. */
	private static final int DEFAULT_KEYSPACE = 1000;

	private static final int PAYLOAD_SIZE = 1024;

	/**
	 * Two threads of wrk, its usual setting on a small machine: each one an epoll loop.
	 */
	private static final int MAX_THREADS = 2;

	/**
	 * The time wrk may take beyond its duration to stop and print before it is killed.
	 */
	private static final Duration EXIT_GRACE = Duration.ofSeconds(30);

	private static final Set<String> SIMULATION_PROPERTIES = Set.of("readRatio", "keyspace");

	private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+(?:\\.\\d+)?)");

	private final Optional<String> cpus;

	private final String path;

	/**
	 * Prepare runs of wrk.
	 * @param cpus the CPUs to run wrk on ({@code taskset -c}, e.g. {@code 1} or
	 * {@code 2-3}); empty to leave it to the scheduler
	 */
	WrkLoadGenerator(Optional<String> cpus) {
		this(cpus, System.getenv().getOrDefault("PATH", ""));
	}

	/**
	 * Prepare runs of wrk, found on the given search path.
	 * @param cpus the CPUs to run wrk on, if any
	 * @param path where to look for {@code wrk} and {@code taskset}, as {@code PATH}
	 */
	WrkLoadGenerator(Optional<String> cpus, String path) {
		this.cpus = cpus;
		this.path = path;
	}

	@Override
	public LoadRun run(Scenario scenario, int users, Duration duration, URI baseUrl, Path resultsDirectory)
			throws IOException, InterruptedException {
		int keyspace = checkSupported(scenario);
		List<String> command = command(users, duration, baseUrl, resultsDirectory.resolve(SCRIPT));
		Files.createDirectories(resultsDirectory);
		Path summary = resultsDirectory.resolve(SUMMARY);
		Files.deleteIfExists(summary);
		StorageApi api = new StorageApi(baseUrl, "wrk-sweep", keyspace);
		Files.writeString(resultsDirectory.resolve(SCRIPT), script(api.keyPrefix(), keyspace, summary));
		try (PrintStream log = new PrintStream(Files.newOutputStream(resultsDirectory.resolve(PREPARATION_LOG)), true,
				StandardCharsets.UTF_8)) {
			try {
				quietly(log, () -> api.preload(List.of(StorageApi.payload(PAYLOAD_SIZE))));
				long started = System.nanoTime();
				Process wrk = new ProcessBuilder(command).redirectOutput(resultsDirectory.resolve(STDOUT).toFile())
					.redirectError(resultsDirectory.resolve(STDERR).toFile())
					.start();
				awaitExit(wrk, duration.plus(EXIT_GRACE), resultsDirectory);
				return new LoadRun(parseSummary(Files.readString(summary)), Optional.empty(), OptionalLong.of(started),
						duration);
			}
			finally {
				// Also after a preload that failed halfway. StorageApi logs a failed
				// cleanup
				// and carries on: the figures matter more.
				quietly(log, api::cleanup);
			}
		}
	}

	/**
	 * Refuse what wrk cannot send as Gatling does: anything but GETs of the sweep's
	 * keyspace.
	 * @return the keyspace to preload and read
	 */
	private static int checkSupported(Scenario scenario) {
		Map<String, String> properties = scenario.simulationProperties();
		boolean onlyReads = Double.parseDouble(properties.getOrDefault("readRatio", "100")) == 100;
		if (scenario.workload() != Workload.CONCURRENCY_SWEEP || !onlyReads
				|| !SIMULATION_PROPERTIES.containsAll(properties.keySet())) {
			throw new IllegalArgumentException(
					"wrk drives only the GET sweeps (the concurrency sweep at 100 % reads), not " + scenario.id() + " ("
							+ scenario.workload() + ", " + properties + "); use Gatling for it");
		}
		return Integer.parseInt(properties.getOrDefault("keyspace", Integer.toString(DEFAULT_KEYSPACE)));
	}

	/**
	 * Return the command line of one run.
	 * @param users the connections, each with one request in flight
	 * @param duration how long to send
	 * @param baseUrl the service's API
	 * @param script the Lua script
	 * @return e.g. {@code taskset -c 1 wrk -t2 -c50 -d10s --timeout 60s -s wrk.lua URL}
	 */
	List<String> command(int users, Duration duration, URI baseUrl, Path script) {
		List<String> command = new ArrayList<>();
		this.cpus.ifPresent((list) -> command.addAll(
				List.of(executable("taskset", "taskset is not installed: it comes with Debian's util-linux package"),
						"-c", list)));
		command.add(executable("wrk", NOT_INSTALLED));
		command.add("-t" + Math.min(MAX_THREADS, users));
		command.add("-c" + users);
		// wrk takes whole seconds; a shorter duration is rounded up rather than to zero.
		command.add("-d" + Math.max(1, (duration.toMillis() + 999) / 1000) + "s");
		// Gatling's request timeout, so that a slow answer is a latency, not an error, in
		// both.
		command.addAll(List.of("--timeout", "60s"));
		command.addAll(List.of("-s", script.toString()));
		command.add(baseUrl.toString());
		return command;
	}

	private String executable(String name, String missing) {
		for (String directory : this.path.split(File.pathSeparator)) {
			if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, name))) {
				return Path.of(directory, name).toString();
			}
		}
		throw new IllegalStateException(missing);
	}

	private static void awaitExit(Process wrk, Duration timeout, Path resultsDirectory)
			throws IOException, InterruptedException {
		if (!wrk.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			wrk.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			throw new IllegalStateException("wrk did not end within " + timeout + "; see " + resultsDirectory);
		}
		if (wrk.exitValue() != 0) {
			throw new IllegalStateException("wrk exited with " + wrk.exitValue() + ": "
					+ Files.readString(resultsDirectory.resolve(STDERR)).strip() + " (see " + resultsDirectory + ")");
		}
	}

	/**
	 * Return the Lua script of a run: GET a random key of the keyspace per request, each
	 * thread with its own random sequence, and write the figures when done.
	 * <p>
	 * The requests are formatted once per thread (a thousand strings) and picked at
	 * random, so that wrk spends no time on string building per request: on a machine
	 * whose cores it shares with the service, its own CPU is taken from the service.
	 * @param keyPrefix the run's key prefix
	 * @param keyspace the number of keys, indexed from zero
	 * @param summary where {@code done} writes the figures
	 * @return the script
	 */
	static String script(String keyPrefix, int keyspace, Path summary) {
		return """
				-- Written by the comparison's WrkLoadGenerator: GETs of random keys of the preloaded keyspace,
				-- the requests of the gatling module's ConcurrencySweepSimulation at 100 %% reads.
				local prefix = %s
				local keyspace = %d
				local summaryFile = %s

				local threads = 0
				function setup(thread)
				  threads = threads + 1
				  thread:set("id", threads)
				end

				local prepared = {}
				function init(args)
				  -- id is set by setup: each thread draws its own sequence.
				  math.randomseed(os.time() * 1000 + id)
				  for i = 0, keyspace - 1 do
				    prepared[i + 1] = wrk.format("GET", "/api/v1/objects/" .. prefix .. i)
				  end
				end

				function request()
				  return prepared[math.random(keyspace)]
				end

				-- Microseconds throughout, as wrk measures.
				function done(summary, latency, requests)
				  local out = assert(io.open(summaryFile, "w"))
				  local function put(key, value) out:write(string.format("%%s=%%d\\n", key, value)) end
				  put("requests", summary.requests)
				  put("duration_us", summary.duration)
				  put("bytes", summary.bytes)
				  put("errors_connect", summary.errors.connect)
				  put("errors_read", summary.errors.read)
				  put("errors_write", summary.errors.write)
				  put("errors_status", summary.errors.status)
				  put("errors_timeout", summary.errors.timeout)
				  put("latency_min_us", latency.min)
				  put("latency_p50_us", latency:percentile(50))
				  put("latency_p90_us", latency:percentile(90))
				  put("latency_p99_us", latency:percentile(99))
				  put("latency_max_us", latency.max)
				  out:close()
				end
				""".formatted(luaString(keyPrefix), keyspace, luaString(summary.toAbsolutePath().toString()));
	}

	private static String luaString(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/**
	 * Read the figures the script's {@code done} wrote.
	 * <ul>
	 * <li>Requests ok are the responses wrk counted less those with a status above 399
	 * and those slower than the timeout (which wrk counts as responses too); every error
	 * is a failed request, including connections that failed to connect, read or
	 * write.</li>
	 * <li>The throughput is the responses over the duration wrk measured itself. wrk
	 * counts only the responses that arrived while it ran, so there is no last second of
	 * stragglers to divide by as in Gatling's mean throughput: both throughput figures
	 * are this one.</li>
	 * </ul>
	 * @param summary the {@code key=value} lines
	 * @return the load figures, latencies in milliseconds
	 * @throws IllegalArgumentException if a figure is missing
	 */
	static LoadStats parseSummary(String summary) {
		Map<String, Long> values = new HashMap<>();
		Matcher line = Pattern.compile("(?m)^(\\w+)=(-?\\d+)$").matcher(summary);
		while (line.find()) {
			values.put(line.group(1), Long.parseLong(line.group(2)));
		}
		long requests = figure(values, "requests");
		long statusErrors = figure(values, "errors_status");
		long timeouts = figure(values, "errors_timeout");
		long errors = figure(values, "errors_connect") + figure(values, "errors_read") + figure(values, "errors_write")
				+ statusErrors + timeouts;
		double seconds = figure(values, "duration_us") / 1e6;
		double requestsPerSecond = (seconds > 0) ? requests / seconds : 0;
		return new LoadStats(Math.max(0, requests - statusErrors - timeouts), errors, requestsPerSecond,
				millis(values, "latency_min_us"), millis(values, "latency_p50_us"), millis(values, "latency_p90_us"),
				millis(values, "latency_p99_us"), millis(values, "latency_max_us"), requestsPerSecond);
	}

	private static long figure(Map<String, Long> values, String key) {
		Long value = values.get(key);
		if (value == null) {
			throw new IllegalArgumentException("wrk's summary has no " + key + ": " + values);
		}
		return value;
	}

	private static double millis(Map<String, Long> values, String key) {
		return figure(values, key) / 1000.0;
	}

	@Override
	public String description() {
		try {
			// wrk -v prints its version and usage, and exits with 1.
			Process version = new ProcessBuilder(executable("wrk", NOT_INSTALLED), "-v").redirectErrorStream(true)
				.start();
			String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			version.waitFor(10, TimeUnit.SECONDS);
			return describe(output);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run wrk -v: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while asking wrk for its version", ex);
		}
	}

	/**
	 * Return the name and version from what {@code wrk -v} prints.
	 * @param output e.g. {@code wrk debian/4.1.0-3+b2 [epoll] Copyright (C) 2012 Will
	 * Glozer} and the usage
	 * @return e.g. {@code wrk 4.1.0}
	 */
	static String describe(String output) {
		String first = output.lines().findFirst().orElse("").strip();
		Matcher version = VERSION.matcher(first);
		return version.find() ? "wrk " + version.group(1) : "wrk (version unknown)";
	}

	/**
	 * Run with {@code System.out} going to a log: {@link StorageApi} prints its preload
	 * and cleanup there, which would otherwise interleave with the comparison's progress
	 * lines. Runs never overlap, so nothing else prints meanwhile.
	 */
	private static void quietly(PrintStream log, Runnable action) {
		PrintStream terminal = System.out;
		System.setOut(log);
		try {
			action.run();
		}
		finally {
			System.setOut(terminal);
		}
	}

}
