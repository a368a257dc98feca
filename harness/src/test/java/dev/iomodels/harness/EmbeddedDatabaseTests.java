package dev.iomodels.harness;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The embedded PostgreSQL: as root it refuses with a message that says what to run; as
 * any other user it runs, and keeps its data when stopped and started again.
 */
class EmbeddedDatabaseTests {

	@TempDir
	Path directory;

	@Test
	void rootIsRefusedWithTheCommandToRunInsteadAndOthersKeepTheirDataAcrossARestart() throws Exception {
		if (EmbeddedDatabase.isRoot()) {
			assertThatIllegalStateException().isThrownBy(() -> EmbeddedDatabase.start(this.directory))
				.withMessageContaining("refuses to run as root")
				.withMessageContaining("scripts/as-build-user.sh");
			return;
		}
		try (EmbeddedDatabase database = EmbeddedDatabase.start(this.directory.resolve("data"))) {
			database.createDatabase("kept");
			execute(database, "CREATE TABLE t (v int); INSERT INTO t VALUES (42)");
			database.stop();
			assertThat(database.isRunning()).isFalse();
			database.restart();
			try (Connection connection = DriverManager.getConnection(database.jdbcUrl("kept"));
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT v FROM t")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).isEqualTo(42);
			}
		}
	}

	private static void execute(EmbeddedDatabase database, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl("kept"));
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
