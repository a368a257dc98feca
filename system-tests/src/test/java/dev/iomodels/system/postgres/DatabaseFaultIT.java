package dev.iomodels.system.postgres;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.iomodels.harness.EmbeddedDatabase;
import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import dev.iomodels.system.postgres.PostgresHttp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database going away under load, for each service's real jar on the postgres
 * backend: while clients read and write, the database is stopped; every request then gets
 * a quick 503 {@code storage-unavailable} with {@code Retry-After} (no hang, no 500), the
 * service's health still answers, and once the database is started again the same service
 * serves again without being restarted.
 */
class DatabaseFaultIT {

	static final List<Service> SERVICES = Service.ALL;

	private static final int CLIENTS = 4;

	/**
	 * The longest a refusal may take: the pool's acquire timeout (2 s by default, the
	 * same in all three) with room for a busy two-core machine; far below the client's
	 * own timeout, so a service that hangs fails here.
	 */
	private static final Duration QUICK = Duration.ofSeconds(8);

	private static final Duration OUTAGE = Duration.ofSeconds(7);

	private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(60);

	private static EmbeddedDatabase database;

	@BeforeAll
	static void startDatabase() throws Exception {
		database = EmbeddedDatabase.start(Path.of("target", "postgres-faults").toAbsolutePath());
	}

	@AfterAll
	static void stopDatabase() throws Exception {
		if (database != null) {
			database.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("SERVICES")
	void stoppedDatabaseGivesQuick503sAndTheServiceRecoversWhenItReturns(Service service) throws Exception {
		String name = "faults_" + service.shortName();
		database.createDatabase(name);
		Path jar = service.jar(Path.of(System.getProperty("project.root")), System.getProperty("project.version"));
		Queue<Answer> answers = new ConcurrentLinkedQueue<>();
		AtomicBoolean stop = new AtomicBoolean();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try (ServiceProcess running = ServiceProcess.start(service, jar, database.serviceProperties(name),
				Path.of("target", "service-logs")); PostgresHttp http = new PostgresHttp()) {
			List<Future<?>> load = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				String key = "client" + c;
				load.add(clients.submit(() -> {
					byte[] body = key.getBytes(StandardCharsets.UTF_8);
					for (int i = 0; !stop.get(); i++) {
						answers.add((i % 2 == 0) ? http.put(running.api(), key, body) : http.get(running.api(), key));
					}
					return null;
				}));
			}
			Thread.sleep(1000);
			long stopped = System.nanoTime();
			database.stop();
			long down = System.nanoTime();
			// Longer than a few refusals: a JDBC service waits up to its acquire timeout
			// (2 s)
			// before it refuses, and the window below counts only requests sent and
			// answered
			// while the database was down.
			Thread.sleep(OUTAGE.toMillis());
			Answer health = http.health(running.management());
			long restarting = System.nanoTime();
			database.restart();
			long recovered = awaitRecovery(http, running);
			Thread.sleep(1000);
			stop.set(true);
			for (Future<?> client : load) {
				client.get(60, TimeUnit.SECONDS);
			}

			List<Answer> outage = answers.stream()
				.filter((answer) -> answer.sent() > down && answer.answered() < restarting)
				.toList();
			System.out.printf(
					"DatabaseFaultIT: %s answered %d requests, %d of them while the database was down (slowest %d ms), "
							+ "and served again %d ms after the database's restart began%n",
					service.name(), answers.size(), outage.size(),
					outage.stream().mapToLong((answer) -> answer.took().toMillis()).max().orElse(-1),
					Duration.ofNanos(recovered - restarting).toMillis());
			assertThat(health.status()).as("liveness while the database is down").isEqualTo(200);
			assertThat(answers).as("every answer is a success or 503").allSatisfy((answer) -> {
				assertThat(answer.status()).isIn(200, 201, 503);
				assertThat(answer.took()).isLessThan(QUICK);
			});
			assertThat(answers).filteredOn((answer) -> answer.answered() < stopped)
				.as("answers before the database stopped")
				.isNotEmpty()
				.allSatisfy((answer) -> assertThat(answer.succeeded()).isTrue());
			assertThat(outage).as("answers while the database was down").isNotEmpty().allSatisfy((answer) -> {
				assertThat(answer.status()).isEqualTo(503);
				assertThat(answer.problemType()).isEqualTo("storage-unavailable");
				assertThat(answer.retryAfter()).isEqualTo("1");
			});
			assertThat(answers).filteredOn((answer) -> answer.sent() > recovered)
				.as("answers after the database came back")
				.isNotEmpty()
				.allSatisfy((answer) -> assertThat(answer.succeeded()).isTrue());
		}
		finally {
			stop.set(true);
			clients.shutdownNow();
			if (!database.isRunning()) {
				database.restart();
			}
		}
	}

	/**
	 * Wait until a write and a read succeed again.
	 * @return when they did ({@link System#nanoTime()})
	 */
	private static long awaitRecovery(PostgresHttp http, ServiceProcess running) throws Exception {
		long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
		byte[] body = "probe".getBytes(StandardCharsets.UTF_8);
		while (System.nanoTime() < deadline) {
			if (http.put(running.api(), "probe", body).succeeded() && http.get(running.api(), "probe").succeeded()) {
				return System.nanoTime();
			}
			Thread.sleep(200);
		}
		throw new AssertionError(running.service().name() + " did not serve again within " + RECOVERY_TIMEOUT
				+ " of the database's restart; see " + running.log());
	}

}
