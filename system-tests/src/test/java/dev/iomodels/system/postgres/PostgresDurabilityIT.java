package dev.iomodels.system.postgres;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.iomodels.harness.EmbeddedDatabase;
import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durability on the postgres backend, for each service's real jar: writes go on from
 * several clients until the service is killed with SIGKILL in the middle of them; after a
 * restart on the same database, every write the service acknowledged (201) is there with
 * the bytes it acknowledged. Writes that were in flight at the kill may or may not have
 * landed; none may be lost once acknowledged.
 */
class PostgresDurabilityIT {

	static final List<Service> SERVICES = Service.ALL;

	private static final int WRITERS = 4;

	private static final Duration WRITING = Duration.ofMillis(1500);

	private static final int MAX_WRITES_PER_WRITER = 500;

	private static EmbeddedDatabase database;

	@BeforeAll
	static void startDatabase() throws Exception {
		database = EmbeddedDatabase.start(Path.of("target", "postgres-durability").toAbsolutePath());
	}

	@AfterAll
	static void stopDatabase() throws Exception {
		if (database != null) {
			database.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("SERVICES")
	void everyAcknowledgedWriteSurvivesAKillAndRestart(Service service) throws Exception {
		String name = "durability_" + service.shortName();
		database.createDatabase(name);
		Map<String, String> properties = database.serviceProperties(name);
		Path jar = service.jar(Path.of(System.getProperty("project.root")), System.getProperty("project.version"));
		Path logs = Path.of("target", "service-logs");
		Map<String, String> acknowledged = new ConcurrentHashMap<>();
		ServiceProcess first = ServiceProcess.start(service, jar, properties, logs);
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		AtomicBoolean killed = new AtomicBoolean();
		try (PostgresHttp http = new PostgresHttp()) {
			List<Future<?>> running = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				int writer = w;
				running.add(writers.submit(() -> {
					for (int i = 0; i < MAX_WRITES_PER_WRITER && !killed.get(); i++) {
						String key = "w" + writer + "-" + i;
						byte[] body = (service.shortName() + " " + key).getBytes(StandardCharsets.UTF_8);
						try {
							if (http.put(first.api(), key, body).status() == 201) {
								acknowledged.put(key, etagOf(body));
							}
						}
						catch (Exception connectionLost) {
							// Expected once the service is killed.
						}
					}
					return null;
				}));
			}
			Thread.sleep(WRITING.toMillis());
			first.kill();
			killed.set(true);
			for (Future<?> writer : running) {
				writer.get(60, TimeUnit.SECONDS);
			}
			assertThat(acknowledged).as("writes acknowledged before the kill").isNotEmpty();
			try (ServiceProcess second = ServiceProcess.start(service, jar, properties, logs)) {
				List<String> lost = new ArrayList<>();
				for (Map.Entry<String, String> write : acknowledged.entrySet()) {
					PostgresHttp.Answer read = http.get(second.api(), write.getKey());
					if (read.status() != 200 || !write.getValue().equals(read.etag())) {
						lost.add(write.getKey() + " -> " + read.status() + " " + read.etag());
					}
				}
				System.out.printf(
						"PostgresDurabilityIT: %s acknowledged %d writes before kill -9, %d missing after the restart%n",
						service.name(), acknowledged.size(), lost.size());
				assertThat(lost)
					.as("acknowledged writes missing after kill -9 of %s (%d acknowledged)", service.name(),
							acknowledged.size())
					.isEmpty();
			}
		}
		finally {
			writers.shutdownNow();
			first.close();
		}
	}

	/** The API's ETag: the quoted hex SHA-256 of the bytes. */
	private static String etagOf(byte[] body) {
		try {
			return '"' + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)) + '"';
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
