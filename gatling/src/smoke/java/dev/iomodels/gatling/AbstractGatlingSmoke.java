package dev.iomodels.gatling;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import io.gatling.javaapi.core.Simulation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The CI smoke of the simulation library: every simulation runs for a few seconds, at low
 * load, against one service's jar (started once for all six), in this JVM through
 * {@link GatlingRunner} as the comparison report runs them. It proves that each
 * simulation runs, sends the requests it should in the right mix, gets no error at low
 * load and writes its report, and that an objective the user sets is checked — not how
 * the service performs. Each service gets the same emulated latency, so that requests
 * wait as they do in the real runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractGatlingSmoke {

	private static final String LATENCY = "50ms";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Service service;

	private ServiceProcess running;

	private Path results;

	AbstractGatlingSmoke(Service service) {
		this.service = service;
	}

	@BeforeAll
	void startService() throws Exception {
		Path root = Path.of(System.getProperty("project.root"));
		this.running = ServiceProcess.start(this.service, this.service.jar(root, System.getProperty("project.version")),
				Map.of("storage.emulated-latency", LATENCY), Path.of("target", "service-logs"));
		this.results = Path.of("target", "gatling-smoke", this.service.shortName());
	}

	@AfterAll
	void stopService() throws Exception {
		if (this.running != null) {
			this.running.close();
		}
	}

	@Test
	void mixedCrudSendsTheConfiguredMix() throws Exception {
		GatlingRunner.Run run = run(MixedCrudSimulation.class, "users", "20", "duration", "4s", "keyspace", "200");
		Map<String, GatlingStats> requests = GatlingStats.readRequests(run.reportDirectory());
		// One operation is a GET, a PUT, a LIST or a scratch PUT followed by its DELETE.
		long operations = count(requests, StorageApi.GET) + count(requests, StorageApi.PUT)
				+ count(requests, StorageApi.LIST) + count(requests, StorageApi.PUT_SCRATCH);
		assertThat(operations).isGreaterThan(500);
		assertThat(percent(count(requests, StorageApi.GET), operations)).isCloseTo(80, within(5.0));
		assertThat(percent(count(requests, StorageApi.PUT), operations)).isCloseTo(15, within(4.0));
		assertThat(percent(count(requests, StorageApi.LIST) + count(requests, StorageApi.PUT_SCRATCH), operations))
			.isCloseTo(5, within(3.0));
		assertThat(count(requests, StorageApi.DELETE_SCRATCH)).isEqualTo(count(requests, StorageApi.PUT_SCRATCH));
	}

	@Test
	void aBreachedObjectiveTheUserSetFailsTheRunsAssertions() {
		// Every request waits 50 ms, so a p99 objective of 10 ms cannot hold: the run
		// must say so (the Maven command then fails), not pass quietly.
		GatlingRunner.Run run = GatlingRunner.execute(MixedCrudSimulation.class, Map.of("baseUrl",
				this.running.api().toString(), "users", "5", "duration", "2s", "keyspace", "20", "sloP99Ms", "10"),
				this.results);
		assertThat(run.stats().ko()).isZero();
		assertThat(run.stats().p99Ms()).isGreaterThan(10);
		assertThat(run.assertionsPassed()).isFalse();
	}

	@Test
	void concurrencySweepRunsEachStep() throws Exception {
		GatlingRunner.Run run = run(ConcurrencySweepSimulation.class, "steps", "5,10", "stepDuration", "2s");
		assertThat(GatlingStats.readRequests(run.reportDirectory())).containsOnlyKeys(StorageApi.GET);
		// Closed model at 50 ms per request: 5 users for 2 s, then 10 for 2 s, about 600
		// requests.
		assertThat(run.stats().total()).isBetween(300L, 700L);
	}

	@Test
	void arrivalRateRampRunsItsProfile() throws Exception {
		GatlingRunner.Run run = run(ArrivalRateRampSimulation.class, "rate", "5", "maxRate", "40", "duration", "4s");
		// Open model: (5 + 40) / 2 requests/s for 4 s, whatever the service does.
		assertThat(run.stats().total()).isBetween(70L, 110L);
		assertThat(GatlingStats.readRequests(run.reportDirectory())).containsOnlyKeys(StorageApi.GET);
	}

	@Test
	void arrivalRateRampStopsWhenTheObjectiveBreaks() throws Exception {
		long start = System.nanoTime();
		GatlingRunner.Run run = run(ArrivalRateRampSimulation.class, "rate", "20", "maxRate", "20", "duration", "60s",
				"sloP99Ms", "1");
		// Every request takes 50 ms, over the 1 ms objective: the run stops after three
		// windows.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
		assertThat(run.stats().total()).isPositive();
	}

	@Test
	void c10kHoldsItsConnectionsAtSmokeScale() throws Exception {
		GatlingRunner.Run run = run(C10kSimulation.class, "users", "100", "rampUp", "1s", "duration", "3s");
		assertThat(GatlingStats.readRequests(run.reportDirectory())).containsOnlyKeys(StorageApi.GET);
	}

	@Test
	void largePayloadsStoreAndReadLargeObjects() throws Exception {
		GatlingRunner.Run run = run(LargePayloadSimulation.class, "users", "8", "duration", "3s", "keyspace", "8");
		Map<String, GatlingStats> requests = GatlingStats.readRequests(run.reportDirectory());
		assertThat(requests).containsOnlyKeys(StorageApi.GET, StorageApi.PUT);
		// Half reads, half writes by default.
		assertShare(count(requests, StorageApi.GET), run.stats().total(), 50);
	}

	@Test
	void spikeJumpsFromIdleToManyUsersAndBack() throws Exception {
		GatlingRunner.Run run = run(SpikeSimulation.class, "users", "50", "idle", "1s", "duration", "2s", "keyspace",
				"100");
		// The spike sends the mixed operation, 80 % GETs by default.
		Map<String, GatlingStats> requests = GatlingStats.readRequests(run.reportDirectory());
		assertThat(requests).containsKeys(StorageApi.GET, StorageApi.PUT);
		long operations = count(requests, StorageApi.GET) + count(requests, StorageApi.PUT)
				+ count(requests, StorageApi.LIST) + count(requests, StorageApi.PUT_SCRATCH);
		// 50 users with a 50 ms request each for 2 s: about 2,000 operations at the spike
		// on an idle machine; enough to tell the mix even ten times slower.
		assertThat(operations).isGreaterThan(200);
		assertShare(count(requests, StorageApi.GET), operations, 80);
		assertShare(count(requests, StorageApi.PUT), operations, 15);
	}

	private GatlingRunner.Run run(Class<? extends Simulation> simulation, String... properties)
			throws IOException, InterruptedException {
		Map<String, String> parameters = new HashMap<>();
		parameters.put("baseUrl", this.running.api().toString());
		for (int i = 0; i < properties.length; i += 2) {
			parameters.put(properties[i], properties[i + 1]);
		}
		GatlingRunner.Run run = GatlingRunner.execute(simulation, parameters, this.results);
		assertThat(run.reportDirectory().resolve("index.html")).isRegularFile();
		assertThat(Files.isRegularFile(run.reportDirectory().resolve("simulation.log"))).isTrue();
		GatlingStats stats = run.stats();
		assertThat(stats.ok()).as("requests that succeeded").isPositive();
		assertThat(stats.ko()).as("failed requests at low load").isZero();
		assertThat(run.assertionsPassed()).as("the simulation's own assertions").isTrue();
		assertThat(objectsLeftBehind()).as("objects the run left behind").isEqualTo("[]");
		return run;
	}

	/**
	 * List what is stored under the prefix every simulation's keys start with: each run
	 * preloads its keyspace and deletes it again, with any scratch object, when it ends.
	 */
	private String objectsLeftBehind() throws IOException, InterruptedException {
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> page = client
				.send(HttpRequest.newBuilder(this.running.api().resolve("/api/v1/objects?prefix=gatling-&limit=10"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
			return JSON.readTree(page.body()).get("items").toString();
		}
	}

	private static long count(Map<String, GatlingStats> requests, String name) {
		GatlingStats stats = requests.get(name);
		return (stats != null) ? stats.total() : 0;
	}

	private static double percent(long part, long whole) {
		return 100.0 * part / whole;
	}

	/**
	 * Assert that a random choice made {@code whole} times came out {@code part} times at
	 * about the expected percentage: within four and a half standard deviations of the
	 * binomial distribution (one run in about 150,000 falls outside by chance), which a
	 * wrong mix misses by far.
	 */
	private static void assertShare(long part, long whole, double expectedPercent) {
		double p = expectedPercent / 100;
		double tolerance = 100 * 4.5 * Math.sqrt(p * (1 - p) / whole) + 1;
		assertThat(percent(part, whole)).as("%d of %d operations, expected about %.0f %%", part, whole, expectedPercent)
			.isCloseTo(expectedPercent, within(tolerance));
	}

}
