package dev.iomodels.gatling;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.typesafe.config.ConfigFactory;
import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;
import scala.Console;

/**
 * Runs one simulation in this JVM, the way the comparison report does, and returns where
 * its report went.
 * <p>
 * <b>Contract</b> (stable; the comparison module depends on it):
 * <ul>
 * <li>{@link #run(Class, Map, Path)} runs {@code simulation} with {@code properties} as
 * its parameters (the system properties a user passes with {@code -D}: {@code baseUrl} or
 * {@code target}, {@code steps}, {@code stepDuration}, {@code users}, … — see the
 * parameter table in docs/load-tests.md) and returns the new report directory under
 * {@code resultsDirectory}. For example, one concurrency step:
 * {@code GatlingRunner.run(ConcurrencySweepSimulation.class, Map.of("baseUrl", "http://localhost:8082", "steps", "200", "stepDuration", "20s"), dir)}.
 * {@link #execute(Class, Map, Path)} does the same and also tells whether the
 * simulation's assertions held.
 * <li>The run's numbers are read with {@link GatlingStats#read(Path)} on that directory
 * (requests OK and KO, mean requests/s, and the min, p50, p90, p95, p99, max and mean
 * response time in ms; {@link GatlingStats#readRequests(Path)} has the same per request
 * name). Gatling 3.15 writes no JSON statistics: they come from the statistics table of
 * the report's {@code index.html}, whose percentiles this module's {@code gatling.conf}
 * sets to 50, 90, 95 and 99. The directory also holds the binary {@code simulation.log}
 * the report was made from.
 * <li>A breached assertion (the simulation's objective, {@code sloP99Ms} and
 * {@code maxErrorPercent}) does not throw: a saturated service is a result, not an error.
 * A run that cannot run (service unreachable, a parameter that does not parse, C10K
 * without enough file descriptors, a JVM without {@link #jvmFlags()}) throws
 * {@link IllegalStateException}.
 * <li>The properties are set as system properties for the duration of the run and
 * restored afterwards; simulations read them in their constructor, so runs with different
 * properties can follow each other in one JVM. Properties named {@code gatling.*}
 * override this module's {@code gatling.conf} for that run only (e.g.
 * {@code gatling.data.writers.0=file} for no console summary). Runs are serialized (this
 * class is {@code synchronized}): one load at a time, as a fair comparison needs anyway.
 * <li>Gatling's configuration is this module's {@code gatling.conf} on the class path:
 * offline (no warm-up request, no usage analytics; during a run, this JVM's
 * {@code java.net} HTTPS goes to a closed local proxy port so that Gatling's release
 * check cannot leave the machine). The JVM that calls this needs the flags of
 * {@link #jvmFlags()} (Gatling's stats writer opens {@code java.lang}); without them a
 * run fails at once, before it touches the service.
 * </ul>
 */
public final class GatlingRunner {

	private static final int ASSERTIONS_FAILED = 2;

	/**
	 * Gatling looks for a newer release of itself on Maven Central before a run (at most
	 * once a day, with no setting to turn it off). Sending this JVM's own
	 * {@code java.net} HTTPS through a proxy on a closed local port during the run makes
	 * that lookup fail at once; the load is plain HTTP and does not use it.
	 */
	private static final Map<String, String> OFFLINE = Map.of("https.proxyHost", "127.0.0.1", "https.proxyPort", "9");

	private GatlingRunner() {
	}

	/**
	 * Return the JVM flags a JVM running Gatling in-process needs on this JDK, the same
	 * the Gatling Maven plugin gives its fork: two {@code --add-opens} Gatling cannot run
	 * without, and on JDK 23+ the flags that keep the JDK from warning about Netty's and
	 * Scala's use of {@code sun.misc.Unsafe} and native access.
	 * @return the flags
	 */
	public static List<String> jvmFlags() {
		List<String> flags = new ArrayList<>(List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
				"--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED"));
		if (Runtime.version().feature() >= 23) {
			flags.add("--sun-misc-unsafe-memory-access=allow");
		}
		return flags;
	}

	/**
	 * Run a simulation and return its report directory.
	 * @param simulation the simulation class
	 * @param properties its parameters, as with {@code -Dname=value}
	 * @param resultsDirectory where Gatling writes the report directory
	 * @return the report directory, e.g.
	 * {@code resultsDirectory/concurrencysweepsimulation-20250101120000123}
	 */
	public static Path run(Class<? extends Simulation> simulation, Map<String, String> properties,
			Path resultsDirectory) {
		return execute(simulation, properties, resultsDirectory).reportDirectory();
	}

	/**
	 * Run a simulation and tell where its report went and whether its assertions held.
	 * @param simulation the simulation class
	 * @param properties its parameters, as with {@code -Dname=value}
	 * @param resultsDirectory where Gatling writes the report directory
	 * @return the outcome
	 */
	public static synchronized Run execute(Class<? extends Simulation> simulation, Map<String, String> properties,
			Path resultsDirectory) {
		Map<String, String> effective = new HashMap<>(OFFLINE);
		effective.putAll(properties);
		Map<String, String> previous = new HashMap<>();
		effective.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
		try {
			requireOpenJavaLang();
			// Gatling reads gatling.* system properties through Typesafe Config, which
			// caches
			// them: forget the last run's.
			ConfigFactory.invalidateCaches();
			Path results = Files.createDirectories(resultsDirectory).toAbsolutePath();
			Set<Path> before = reportDirectories(results);
			int status;
			try {
				status = Gatling$.MODULE$.fromArgs(new String[] { "--simulation", simulation.getName(),
						"--results-folder", results.toString(), "--launcher", "gatling-runner" });
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException(simulation.getSimpleName() + " did not run: " + ex.getMessage(), ex);
			}
			Set<Path> created = reportDirectories(results);
			created.removeAll(before);
			if ((status != 0 && status != ASSERTIONS_FAILED) || created.size() != 1) {
				throw new IllegalStateException(
						simulation.getSimpleName() + " did not run (Gatling exit code " + status + ", " + created.size()
								+ " new report directories under " + results + "); its error is in the output above");
			}
			return new Run(created.iterator().next(), status == 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot use " + resultsDirectory, ex);
		}
		finally {
			previous.forEach((name, value) -> {
				if (value == null) {
					System.clearProperty(name);
				}
				else {
					System.setProperty(name, value);
				}
			});
			ConfigFactory.invalidateCaches();
		}
	}

	/**
	 * Run a simulation as {@link #execute} does, with Gatling's console output (its
	 * summary every few seconds and at the end) going to {@code console} instead of the
	 * terminal. Gatling prints through Scala's {@code Console} as well as
	 * {@code System.out}; both are redirected for the run and restored after it. Runs
	 * never overlap ({@link #execute} is serialized), so nothing else prints through them
	 * meanwhile.
	 * @param simulation the simulation class
	 * @param properties its parameters, as with {@code -Dname=value}
	 * @param resultsDirectory where Gatling writes the report directory
	 * @param console where its console output goes; closed after the run
	 * @return the outcome
	 */
	public static Run execute(Class<? extends Simulation> simulation, Map<String, String> properties,
			Path resultsDirectory, OutputStream console) {
		PrintStream terminal = System.out;
		try (PrintStream output = new PrintStream(console, true, StandardCharsets.UTF_8)) {
			System.setOut(output);
			try {
				return Console.withOut(output, () -> execute(simulation, properties, resultsDirectory));
			}
			finally {
				System.setOut(terminal);
			}
		}
	}

	private static void requireOpenJavaLang() {
		if (!Object.class.getModule().isOpen("java.lang", GatlingRunner.class.getModule())) {
			throw new IllegalStateException(
					"Gatling needs these JVM flags to run in-process: " + String.join(" ", jvmFlags()));
		}
	}

	private static Set<Path> reportDirectories(Path results) throws IOException {
		try (Stream<Path> children = Files.list(results)) {
			return new HashSet<>(children.filter(Files::isDirectory).toList());
		}
	}

	/**
	 * The outcome of a run.
	 *
	 * @param reportDirectory the report: {@code index.html} and the binary
	 * {@code simulation.log} it was made from
	 * @param assertionsPassed whether the simulation's assertions (its objective) held
	 */
	public record Run(Path reportDirectory, boolean assertionsPassed) {

		/**
		 * Read the run's numbers.
		 * @return the statistics of all requests
		 */
		public GatlingStats stats() {
			return GatlingStats.read(this.reportDirectory);
		}

	}

}
