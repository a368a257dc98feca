package dev.iomodels.comparison.run;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

import dev.iomodels.harness.EmbeddedDatabase;
import dev.iomodels.harness.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The comparison's storage: nothing on the memory backend; on the postgres backend an
 * embedded PostgreSQL whose database every service finds empty, with the same settings.
 * The remote backend's storage node is started from its jar, which only the integration
 * tests have ({@code CompareStorageNodeIT}).
 */
class ComparisonStorageTests {

	private static final Duration LATENCY = Duration.ofMillis(100);

	@TempDir
	Path directory;

	@Test
	void theMemoryBackendNeedsNoDatabase() throws Exception {
		try (ComparisonStorage database = ComparisonStorage.open(options("--backend", "memory"), this.directory,
				Optional.empty())) {
			assertThat(database.prepareFor(Service.CLASSIC, LATENCY)).isEmpty();
			assertThat(database.storageProcess()).isEmpty();
		}
	}

	@Test
	void theRemoteBackendCannotRunWithoutAStorageNode() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ComparisonStorage.open(options("--backend", "remote"), this.directory, Optional.empty()))
			.withMessageContaining("storage node");
	}

	@Test
	void everyServiceStartsOnAnEmptyDatabaseWithTheSameSettings() throws Exception {
		if (EmbeddedDatabase.isRoot()) {
			assertThatIllegalStateException().isThrownBy(
					() -> ComparisonStorage.open(options("--backend", "postgres"), this.directory, Optional.empty()))
				.withMessageContaining("scripts/as-build-user.sh");
			return;
		}
		try (ComparisonStorage database = ComparisonStorage.open(options("--backend", "postgres"), this.directory,
				Optional.empty())) {
			Map<String, String> classic = database.prepareFor(Service.CLASSIC, LATENCY);
			assertThat(classic).containsEntry("storage.backend", "postgres").containsKey("storage.postgres.url");
			String jdbcUrl = "jdbc:" + classic.get("storage.postgres.url");
			String user = classic.get("storage.postgres.username");
			try (Connection connection = DriverManager.getConnection(jdbcUrl, user, null);
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE left_behind (v int); INSERT INTO left_behind VALUES (1)");
			}
			Map<String, String> webflux = database.prepareFor(Service.WEBFLUX, LATENCY);
			assertThat(webflux).isEqualTo(classic);
			try (Connection connection = DriverManager.getConnection(jdbcUrl, user, null);
					Statement statement = connection.createStatement();
					ResultSet tables = statement
						.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'left_behind'")) {
				assertThat(tables.next()).isTrue();
				assertThat(tables.getInt(1)).isZero();
			}
		}
	}

	private static CompareOptions options(String... args) {
		return CompareOptions.parse(args, LocalDateTime.of(2026, 1, 2, 3, 4, 5));
	}

}
