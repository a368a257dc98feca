package dev.iomodels.system.postgres;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * A database that hangs instead of going away, for each service's real jar on the
 * postgres backend, twice: first the network to it goes silent (a {@link HangingProxy}
 * that still accepts connections but answers nothing, and carries nothing on those
 * already open), then the server itself is stopped with {@code SIGSTOP} (postmaster and
 * backends; the kernel still accepts connections). Neither ends a connection, so only the
 * service's own bounds can: the pool's acquire timeout (2 s) and
 * {@code storage.postgres.socket-timeout} (3 s here). During each hang every request must
 * get a 503 {@code storage-unavailable} with {@code Retry-After} within those bounds (the
 * assertion allows twice their sum, for a busy machine), no answer may be anything else
 * or come incomplete (the client reads each whole, or the test fails), liveness must
 * answer, and once the database answers again the same process must serve again. At the
 * end every object holds exactly one of the bodies written to it: nothing half-written.
 */
class DatabaseHangIT {

	static final List<Service> SERVICES = Service.ALL;

	private static final int CLIENTS = 4;

	private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(3);

	private static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(2);

	/** The bound of every answer: the two timeouts, twice over. */
	private static final Duration BOUND = SOCKET_TIMEOUT.plus(ACQUIRE_TIMEOUT).multipliedBy(2);

	private static final Duration HANG = Duration.ofSeconds(8);

	private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(60);

	private static EmbeddedDatabase database;

	@BeforeAll
	static void startDatabase() throws Exception {
		database = EmbeddedDatabase.start(Path.of("target", "postgres-hang").toAbsolutePath());
	}

	@AfterAll
	static void stopDatabase() throws Exception {
		if (database != null) {
			database.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("SERVICES")
	void aHangingDatabaseGetsBounded503sAndTheServiceResumesWhenItAnswers(Service service) throws Exception {
		String name = "hang_" + service.shortName();
		database.createDatabase(name);
		Path jar = service.jar(Path.of(System.getProperty("project.root")), System.getProperty("project.version"));
		Queue<Answer> answers = new ConcurrentLinkedQueue<>();
		AtomicBoolean stop = new AtomicBoolean();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try (HangingProxy proxy = new HangingProxy(database.port());
				ServiceProcess running = ServiceProcess.start(service, jar, properties(name, proxy),
						Path.of("target", "service-logs"));
				PostgresHttp http = new PostgresHttp()) {
			List<Future<?>> load = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				String key = "client" + c;
				load.add(clients.submit(() -> {
					for (int i = 0; !stop.get(); i++) {
						byte[] body = (key + "-" + i).getBytes(StandardCharsets.UTF_8);
						answers.add((i % 2 == 0) ? http.put(running.api(), key, body) : http.get(running.api(), key));
					}
					return null;
				}));
			}
			Thread.sleep(1000);
			Hang silentNetwork = hang(service, "listener that never answers", answers, http, running, proxy::hang,
					proxy::resume);
			Hang stoppedServer = hang(service, "server stopped with SIGSTOP", answers, http, running, database::freeze,
					database::thaw);
			Thread.sleep(1000);
			stop.set(true);
			for (Future<?> client : load) {
				client.get(60, TimeUnit.SECONDS);
			}

			assertThat(answers).as("every answer a success or a 503, within %s", BOUND).allSatisfy((answer) -> {
				assertThat(answer.status()).isIn(200, 201, 503);
				assertThat(answer.took()).isLessThan(BOUND);
			});
			long[] nextHang = { stoppedServer.began(), Long.MAX_VALUE };
			List<Hang> hangs = List.of(silentNetwork, stoppedServer);
			for (int h = 0; h < hangs.size(); h++) {
				Hang hang = hangs.get(h);
				long next = nextHang[h];
				assertThat(hang.liveness()).as("liveness during the hang: %s", hang.what()).isEqualTo(200);
				assertThat(hang.during(answers)).as("answers during the hang: %s", hang.what())
					.isNotEmpty()
					.allSatisfy((answer) -> {
						assertThat(answer.status()).isEqualTo(503);
						assertThat(answer.problemType()).isEqualTo("storage-unavailable");
						assertThat(answer.retryAfter()).isEqualTo("1");
					});
				assertThat(answers).filteredOn((answer) -> answer.sent() > hang.recovered() && answer.answered() < next)
					.as("answers after the hang: %s", hang.what())
					.isNotEmpty()
					.allSatisfy((answer) -> assertThat(answer.succeeded()).isTrue());
			}
			for (int c = 0; c < CLIENTS; c++) {
				String key = "client" + c;
				assertThat(body(running.api(), key)).as("what %s holds", key).matches(key + "-[0-9]+");
			}
		}
		finally {
			stop.set(true);
			clients.shutdownNow();
		}
	}

	private static Map<String, String> properties(String name, HangingProxy proxy) {
		Map<String, String> properties = new HashMap<>(database.serviceProperties(name));
		properties.put("storage.postgres.url", "postgresql://127.0.0.1:" + proxy.port() + "/" + name);
		properties.put("storage.postgres.socket-timeout", SOCKET_TIMEOUT.toSeconds() + "s");
		properties.put("storage.postgres.acquire-timeout", ACQUIRE_TIMEOUT.toSeconds() + "s");
		properties.put("storage.postgres.statement-timeout", "2s");
		return properties;
	}

	private static Hang hang(Service service, String what, Queue<Answer> answers, PostgresHttp http,
			ServiceProcess running, Action start, Action end) throws Exception {
		start.run();
		long began = System.nanoTime();
		Thread.sleep(HANG.toMillis());
		int liveness = http.health(running.management()).status();
		long ending = System.nanoTime();
		end.run();
		long recovered = awaitRecovery(http, running);
		Hang hang = new Hang(what, began, ending, recovered, liveness);
		// Serve normally for a while before anything else hangs.
		Thread.sleep(1500);
		List<Answer> during = hang.during(answers);
		System.out.printf(
				"DatabaseHangIT: %s, %s for %d s: %d requests answered during it (slowest %d ms), served again "
						+ "%d ms after it ended%n",
				service.name(), what, HANG.toSeconds(), during.size(),
				during.stream().mapToLong((answer) -> answer.took().toMillis()).max().orElse(-1),
				Duration.ofNanos(recovered - ending).toMillis());
		return hang;
	}

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
				+ " of the database's answering again; see " + running.log());
	}

	private static String body(URI api, String key) throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(api.resolve("/api/v1/objects/" + key))
				.timeout(PostgresHttp.REQUEST_TIMEOUT)
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("GET %s", key).isEqualTo(200);
			return response.body();
		}
	}

	@FunctionalInterface
	interface Action {

		void run() throws Exception;

	}

	/**
	 * One hang.
	 *
	 * @param what what hung
	 * @param began when it began ({@link System#nanoTime()})
	 * @param ending when it was about to end
	 * @param recovered when the service served again
	 * @param liveness the liveness status asked for during the hang
	 */
	record Hang(String what, long began, long ending, long recovered, int liveness) {

		/**
		 * Return the answers to requests sent once the hang had begun and answered before
		 * it ended; a request sent earlier may have been served.
		 */
		List<Answer> during(Queue<Answer> answers) {
			return answers.stream()
				.filter((answer) -> answer.sent() > this.began && answer.answered() < this.ending)
				.toList();
		}

	}

}
