package dev.iomodels.comparison.run;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.iomodels.comparison.LoadStats;
import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.Workload;
import dev.iomodels.comparison.run.LoadGenerator.LoadRun;
import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * wrk for real, for two seconds each: against classic-service, whose GETs succeed only if
 * the preloaded keys are the ones the script asks for, and against the MVC control that
 * it is meant to be compared with.
 */
class WrkLoadGeneratorIT {

	private static final Service CONTROL_MVC = Service.CLASSIC_CONTROL;

	private static final Scenario SWEEP = new Scenario("cpu-bound-sweep", "CPU-bound sweep", "",
			Workload.CONCURRENCY_SWEEP, Duration.ZERO, List.of(20), Duration.ofSeconds(2), Map.of());

	private final Path root = Path.of(System.getProperty("project.root")).toAbsolutePath().normalize();

	private final String version = System.getProperty("project.version");

	@Test
	void everyGetOfThePreloadedKeysSucceedsAndTheObjectsAreDeletedAfterwards() throws Exception {
		Path results = Path.of("target", "wrk-it", "classic").toAbsolutePath();
		try (ServiceProcess classic = ServiceProcess.start(Service.CLASSIC,
				Service.CLASSIC.jar(this.root, this.version), Map.of(), results.resolve("logs"))) {
			LoadRun run = new WrkLoadGenerator(Optional.empty()).run(SWEEP, 20, Duration.ofSeconds(2), classic.api(),
					results);

			assertSane(run);
			assertThat(results.resolve(WrkLoadGenerator.SCRIPT)).isNotEmptyFile();
			assertThat(results.resolve(WrkLoadGenerator.STDOUT)).content().contains("Requests/sec");
			assertThat(objectsListed(classic.api())).isEqualTo("{\"items\":[],\"nextCursor\":null}");
		}
	}

	@Test
	void theMvcControlIsDrivenLikeAService() throws Exception {
		Path results = Path.of("target", "wrk-it", "control-mvc").toAbsolutePath();
		try (ServiceProcess control = ServiceProcess.start(CONTROL_MVC, CONTROL_MVC.jar(this.root, this.version),
				Map.of(), results.resolve("logs"))) {
			LoadRun run = new WrkLoadGenerator(Optional.empty()).run(SWEEP, 20, Duration.ofSeconds(2), control.api(),
					results);

			assertSane(run);
		}
	}

	private static void assertSane(LoadRun run) {
		LoadStats stats = run.stats();
		assertThat(stats.requestsOk()).isPositive();
		assertThat(stats.requestsKo()).isZero();
		assertThat(stats.hasErrors()).isFalse();
		assertThat(stats.requestsPerSecond()).isPositive();
		assertThat(stats.minMillis()).isPositive().isLessThanOrEqualTo(stats.p50Millis());
		assertThat(stats.p50Millis()).isLessThanOrEqualTo(stats.p90Millis());
		assertThat(stats.p90Millis()).isLessThanOrEqualTo(stats.p99Millis());
		assertThat(stats.p99Millis()).isLessThanOrEqualTo(stats.maxMillis());
		assertThat(run.reportDirectory()).isEmpty();
		assertThat(run.loadStartedNanos()).isPresent();
		assertThat(run.loadDuration()).isEqualTo(Duration.ofSeconds(2));
	}

	private static String objectsListed(URI api) throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client
				.send(HttpRequest.newBuilder(api.resolve("/api/v1/objects?limit=1000")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
		}
	}

}
