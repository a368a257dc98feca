package dev.iomodels.comparison.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.iomodels.comparison.Contender;
import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.Workload;
import dev.iomodels.comparison.cli.Compare;
import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CompareOptionsTests {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 24, 12, 0, 5);

	@Test
	void withoutFlagsTheQuickProfileComparesAllThreeWithTwoSweeps() {
		CompareOptions options = parse();

		assertThat(options.profile()).isEqualTo(Profile.QUICK);
		assertThat(options.services()).containsExactly(Service.CLASSIC, Service.LOOM, Service.WEBFLUX);
		assertThat(options.out()).isEqualTo(Path.of("results/20261124-120005"));
		assertThat(options.scenarios()).extracting(Scenario::id).containsExactly("latency-sweep", "cpu-bound-sweep");
		Scenario latency = options.scenarios().getFirst();
		assertThat(latency.emulatedLatency()).isEqualTo(Duration.ofMillis(100));
		assertThat(latency.users()).containsExactly(50, 200, 800);
		assertThat(options.scenarios().get(1).emulatedLatency()).isZero();
	}

	@Test
	void theFullProfileAddsC10kLargePayloadsAndASpike() {
		assertThat(parse("--profile", "full").scenarios()).extracting(Scenario::workload)
			.containsExactly(Workload.CONCURRENCY_SWEEP, Workload.CONCURRENCY_SWEEP, Workload.C10K,
					Workload.LARGE_PAYLOAD, Workload.SPIKE);
	}

	@Test
	void onlyC10kGivesEveryServiceALargerHeapAndKeepsTheOtherFairFlags() {
		List<String> fair = ServiceProcess.FAIR_JVM_FLAGS;
		for (Scenario scenario : parse("--profile", "full").scenarios()) {
			List<String> flags = scenario.serviceJvmFlags(fair);
			if (scenario.workload() == Workload.C10K) {
				assertThat(flags).containsExactly("-Xms4g", "-Xmx4g", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError");
				assertThat(scenario.question()).contains("-Xmx4g");
			}
			else {
				assertThat(flags).as(scenario.id()).isEqualTo(fair);
			}
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Scenario("x", "x", "x", Workload.C10K, Duration.ZERO, List.of(1), Duration.ZERO,
					Map.of(), Optional.of("4 GiB")))
			.withMessageContaining("4g");
	}

	@Test
	void aProfileCanBeNamedAsAFlagOfItsOwn() {
		assertThat(parse("--full").profile()).isEqualTo(Profile.FULL);
		assertThat(parse("--tiny", "--services", "loom").profile()).isEqualTo(Profile.TINY);
		assertThat(parse("--quick").scenarios()).isEqualTo(parse().scenarios());
		assertThat(CompareOptions.usage()).contains("--quick", "--full", "--tiny");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--full", "yes"))
			.withMessageContaining("Unexpected argument 'yes'");
	}

	@Test
	void againstNamesTheEarlierRunAndGoesIntoTheSettings() {
		CompareOptions options = parse("--tiny", "--against", "results/earlier");

		assertThat(options.against()).hasValue(Path.of("results/earlier"));
		assertThat(options.settings()).containsEntry("against", "results/earlier");
		assertThat(parse().against()).isEmpty();
		assertThat(CompareOptions.usage()).contains("--against=results/<earlier>");
	}

	@Test
	void anAgainstThatNamesNoEarlierRunIsABadCommandLine() {
		java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();

		int status = Compare.run(new String[] { "--tiny", "--against", "/nonexistent/run" }, Path.of("."),
				new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
				new java.io.PrintStream(errors, true));

		assertThat(status).isEqualTo(2);
		assertThat(errors.toString()).contains("--against /nonexistent/run: results.json is missing");
	}

	@Test
	void flagsOverrideTheProfile() {
		CompareOptions options = parse("--profile", "tiny", "--latency", "250ms", "--users", "10, 20,40",
				"--step-duration=7s", "--warm-up", "0", "--services", "webflux,loom", "--backend", "memory", "--out",
				"/tmp/x");

		assertThat(options.latency()).isEqualTo(Duration.ofMillis(250));
		assertThat(options.stepDuration()).isEqualTo(Duration.ofSeconds(7));
		assertThat(options.warmUp()).isZero();
		assertThat(options.services()).containsExactly(Service.WEBFLUX, Service.LOOM);
		assertThat(options.out()).isEqualTo(Path.of("/tmp/x"));
		assertThat(options.scenarios()).allSatisfy((scenario) -> {
			assertThat(scenario.users()).containsExactly(10, 20, 40);
			assertThat(scenario.stepDuration()).isEqualTo(Duration.ofSeconds(7));
		});
		assertThat(options.scenarios().getFirst().serviceProperties("memory"))
			.containsEntry("storage.emulated-latency", "250ms")
			.containsEntry("storage.backend", "memory")
			.containsEntry("iomodels.server.max-concurrent-requests", "-1")
			.containsEntry("iomodels.server.max-buffered-request-bytes", "-1");
	}

	@Test
	void withoutTransportsEachServiceRunsOnceOnItsDefaultUnderItsOwnName() {
		assertThat(parse().contenders()).extracting(Contender::label).containsExactly("classic", "loom", "webflux");
		assertThat(parse().contenders()).extracting(Contender::transportInUse).containsExactly("nio", "nio", "epoll");
		assertThat(parse().settings()).containsEntry("transports", "each service's default");
	}

	@Test
	void transportsRunEachServiceOnEachListedTransportItSupports() {
		CompareOptions options = parse("--transports", "nio,nio2,epoll,io_uring");

		assertThat(options.contenders()).extracting(Contender::label)
			.containsExactly("classic/nio", "classic/nio2", "loom/nio", "loom/nio2", "webflux/nio", "webflux/epoll",
					"webflux/io_uring");
		assertThat(options.settings()).containsEntry("transports", List.of("nio", "nio2", "epoll", "io_uring"));
		assertThat(parse("--transports", "IO-URING", "--services", "webflux,classic").contenders())
			.extracting(Contender::label)
			.containsExactly("webflux/io_uring");
	}

	@Test
	void transportsNoChosenServiceRunsOrNoServiceKnowsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--transports", "io_uring", "--services", "loom"))
			.withMessageContaining("none of the chosen services runs any of them");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--transports", "kqueue"))
			.withMessageContaining("Unknown transport 'kqueue'; use some of nio, nio2, epoll, io_uring");
	}

	@Test
	void aLabelNamesItsServiceAndTransport() {
		assertThat(Contender.ofLabel("webflux/io_uring"))
			.hasValue(new Contender(Service.WEBFLUX, Optional.of("io_uring")));
		assertThat(Contender.ofLabel("loom")).map(Contender::transportInUse).hasValue("nio");
		assertThat(Contender.ofLabel("tomcat")).isEmpty();
	}

	@Test
	void withoutLatencyOnlyTheCpuBoundSweepRunsSinceTheOtherWouldRepeatIt() {
		assertThat(parse("--latency", "0").scenarios()).extracting(Scenario::id).containsExactly("cpu-bound-sweep");
	}

	@Test
	void helpIsAFlagOfItsOwn() {
		assertThat(parse("--help").help()).isTrue();
		assertThat(CompareOptions.usage()).contains("--profile=quick|full|tiny", "--latency", "--users",
				"--step-duration", "--services", "--transports", "--backend", "--out");
	}

	@Test
	void aBadCommandLineSaysWhatIsWrong() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--profile", "huge"))
			.withMessageContaining("quick, full or tiny");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--users", "50,-1"))
			.withMessageContaining("--users");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--services", "tomcat"))
			.withMessageContaining("classic, loom, webflux");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--colour", "red"))
			.withMessageContaining("Unknown flag --colour");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--latency"))
			.withMessageContaining("needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--latency", "soon"))
			.withMessageContaining("not a duration");
	}

	@Test
	void thePostgresBackendUsesAnEmbeddedDatabaseUnlessAUrlIsGiven() {
		CompareOptions embedded = parse("--backend", "postgres");
		assertThat(embedded.databaseUrl()).isEmpty();
		assertThat(embedded.settings()).containsEntry("backend", "postgres")
			.containsEntry("database", "embedded PostgreSQL, emptied before each service");
		CompareOptions external = parse("--backend", "postgres", "--database-url", "postgresql://db:5432/bench",
				"--database-user", "bench");
		assertThat(external.databaseUrl()).contains("postgresql://db:5432/bench");
		assertThat(external.databaseUser()).isEqualTo("bench");
		assertThat(parse().settings()).doesNotContainKey("database");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--backend", "mongo"))
			.withMessageContaining("memory, postgres or remote");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--database-url", "postgresql://db:5432/bench"))
			.withMessageContaining("--backend postgres");
	}

	@Test
	void theRemoteBackendRunsClassicAndLoomOnEachListedStorageClientAndWebfluxOnWebClient() {
		CompareOptions options = parse("--backend", "remote", "--remote-clients", "jdk,apache");

		assertThat(options.contenders()).extracting(Contender::label)
			.containsExactly("classic/jdk", "classic/apache", "loom/jdk", "loom/apache", "webflux");
		assertThat(options.settings()).containsEntry("backend", "remote")
			.containsEntry("remoteClients", List.of("jdk", "apache"))
			.containsKey("storageNode");
		assertThat(parse("--backend", "remote").contenders()).extracting(Contender::label)
			.containsExactly("classic", "loom", "webflux");
		assertThat(Contender.ofLabel("loom/nio2/apache"))
			.hasValue(new Contender(Service.LOOM, Optional.of("nio2"), Optional.of("apache")));
		assertThat(Contender.ofLabel("loom/apache")).map(Contender::transportInUse).hasValue("nio");
	}

	@Test
	void storageClientsAreRefusedOffTheRemoteBackendBesideControlsOrUnknown() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--remote-clients", "jdk"))
			.withMessageContaining("--remote-clients needs --backend remote");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> parse("--backend", "remote", "--remote-clients", "jdk,apache", "--controls"))
			.withMessageContaining("leave out --remote-clients, or --controls");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> parse("--backend", "remote", "--remote-clients", "okhttp"))
			.withMessageContaining("Unknown storage client 'okhttp'; use some of jdk, apache, reactor");
	}

	@Test
	void scenariosPicksSomeOfTheProfilesScenariosInTheirOrder() {
		assertThat(parse("--full", "--scenarios", "spike,c10k").scenarios()).extracting(Scenario::id)
			.containsExactly("c10k", "spike");
		assertThat(parse("--full", "--scenarios", "c10k").settings()).containsEntry("scenarios", List.of("c10k"));
		assertThat(parse().scenarios()).extracting(Scenario::id).containsExactly("latency-sweep", "cpu-bound-sweep");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--scenarios", "c10k"))
			.withMessageContaining("the quick profile has no 'c10k'")
			.withMessageContaining("are in --full");
	}

	@Test
	void theSettingsGoIntoTheEnvironmentAsGiven() {
		assertThat(parse("--users", "5,10").settings()).containsEntry("profile", "quick")
			.containsEntry("latency", "100ms")
			.containsEntry("users", "[5, 10]")
			.containsEntry("services", List.of("classic", "loom", "webflux"));
	}

	private static CompareOptions parse(String... args) {
		return CompareOptions.parse(args, NOW);
	}

	@Test
	void theFullProfileRepeatsEveryStepThreeTimesBesideTheControlsAndTheQuickOneRunsOnceWithout() {
		assertThat(parse("--full").repeats()).isEqualTo(3);
		assertThat(parse("--full").controls()).isTrue();
		assertThat(parse("--full", "--no-controls").controls()).isFalse();
		assertThat(parse().repeats()).isEqualTo(1);
		assertThat(parse().controls()).isFalse();
		assertThat(parse("--repeat", "2", "--controls").repeats()).isEqualTo(2);
		assertThat(parse("--repeat", "2", "--controls").controls()).isTrue();
	}

	@Test
	void controlsRunOnlyInScenariosWhoseRequestsAreAllGets() {
		CompareOptions options = parse("--full", "--controls");

		assertThat(options.scenarios()).filteredOn(options::controlled)
			.extracting(Scenario::id)
			.containsExactly("latency-sweep", "cpu-bound-sweep", "c10k");
	}

	@Test
	void wrkDrivesOnlyTheGetSweeps() {
		CompareOptions options = parse("--full", "--load-generator", "wrk");

		assertThat(options.scenarios()).filteredOn(options::wrkDrives)
			.extracting(Scenario::id)
			.containsExactly("latency-sweep", "cpu-bound-sweep");
		assertThat(parse().loadGenerator()).isEqualTo("gatling");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--load-generator", "ab"))
			.withMessageContaining("gatling or wrk");
	}

	@Test
	void theNewFlagsAreCheckedAndRecorded() {
		CompareOptions options = parse("--repeat", "3", "--cross-check", "--cpus", "service=0,load=1",
				"--warm-up-limit", "30s");

		assertThat(options.crossCheck()).isTrue();
		assertThat(options.cpus()).hasValue(CpuSets.parse("service=0,load=1"));
		assertThat(options.warmUpLimit()).hasSeconds(30);
		assertThat(options.settings()).containsEntry("repeats", 3)
			.containsEntry("crossCheck", true)
			.containsEntry("warmUpLimit", "30s");
		assertThat(parse().cpus()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--repeat", "0"))
			.withMessageContaining("--repeat takes a number");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--controls", "--transports", "nio2"))
			.withMessageContaining("--controls");
		// A warm-up limit below one warm-up round is one round.
		assertThat(parse("--warm-up", "10s", "--warm-up-limit", "2s").warmUpLimit()).hasSeconds(10);
	}

	@Test
	void theUsageNamesEveryFlagTheParserTakes() {
		List<String> flags = flags();
		assertThat(flags).contains("--repeat", "--controls", "--no-controls", "--load-generator", "--cross-check",
				"--cpus", "--warm-up-limit", "--target");
		for (String flag : flags) {
			assertThat(CompareOptions.usage()).contains(flag);
		}
	}

	@Test
	void theFlagTableOfTheLoadTestsPageNamesEveryFlagAndNoOther() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("..", "docs", "load-tests.md"));
		int header = lines.indexOf("| flag | default | meaning |");
		assertThat(header).as("the flag table of docs/load-tests.md").isPositive();
		Set<String> documented = new TreeSet<>();
		for (String row : lines.subList(header + 2, lines.size())) {
			if (!row.startsWith("|")) {
				break;
			}
			Matcher flag = Pattern.compile("--[a-z-]+").matcher(row.split("(?<!\\\\)\\|")[1]);
			while (flag.find()) {
				documented.add(flag.group());
			}
		}
		Set<String> declared = new TreeSet<>(flags());
		declared.remove("--help");
		assertThat(documented).isEqualTo(declared);
	}

	private static List<String> flags() {
		return CompareFlags.commandLine()
			.getCommandSpec()
			.options()
			.stream()
			.flatMap((option) -> Arrays.stream(option.names()))
			.toList();
	}

}
