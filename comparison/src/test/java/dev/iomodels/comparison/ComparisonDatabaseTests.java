package dev.iomodels.comparison;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Map;

import dev.iomodels.harness.EmbeddedDatabase;
import dev.iomodels.harness.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The comparison's database: nothing on the memory backend; on the postgres backend an
 * embedded PostgreSQL whose database every service finds empty, with the same settings.
 */
class ComparisonDatabaseTests {

	@TempDir
	Path directory;

	@Test
	void theMemoryBackendNeedsNoDatabase() throws Exception {
		try (ComparisonDatabase database = ComparisonDatabase.open(options("--backend", "memory"), this.directory)) {
			assertThat(database.prepareFor(Service.CLASSIC)).isEmpty();
		}
	}

	@Test
	void everyServiceStartsOnAnEmptyDatabaseWithTheSameSettings() throws Exception {
		if (EmbeddedDatabase.isRoot()) {
			assertThatIllegalStateException()
				.isThrownBy(() -> ComparisonDatabase.open(options("--backend", "postgres"), this.directory))
				.withMessageContaining("scripts/as-build-user.sh");
			return;
		}
		try (ComparisonDatabase database = ComparisonDatabase.open(options("--backend", "postgres"), this.directory)) {
			Map<String, String> classic = database.prepareFor(Service.CLASSIC);
			assertThat(classic).containsEntry("storage.backend", "postgres").containsKey("storage.postgres.url");
			String jdbcUrl = "jdbc:" + classic.get("storage.postgres.url");
			String user = classic.get("storage.postgres.username");
			try (Connection connection = DriverManager.getConnection(jdbcUrl, user, null);
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE left_behind (v int); INSERT INTO left_behind VALUES (1)");
			}
			Map<String, String> webflux = database.prepareFor(Service.WEBFLUX);
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
