package dev.iomodels.postgres;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures of the database mean "unavailable, retry" (503) and which stay errors.
 */
class DatabaseFaultsTests {

	private final DatabaseFaults faults = new DatabaseFaults();

	@Test
	void lostConnectionsPoolTimeoutsAndServerShutdownAreUnavailable() {
		assertThat(this.faults.isUnavailable(new DataAccessResourceFailureException("down"))).isTrue();
		assertThat(this.faults.isUnavailable(new SQLTransientConnectionException("pool timed out"))).isTrue();
		assertThat(this.faults.isUnavailable(new SQLException("terminating connection", "57P01"))).isTrue();
		assertThat(this.faults.isUnavailable(new SQLException("connection failure", "08006"))).isTrue();
		assertThat(this.faults.isUnavailable(new RuntimeException(new ConnectException("refused")))).isTrue();
		assertThat(this.faults.isUnavailable(new TimeoutException())).isTrue();
		assertThat(this.faults.isUnavailable(new R2dbcNonTransientResourceException("refused"))).isTrue();
		assertThat(this.faults.isUnavailable(new RuntimeException(new IOException("reset")))).isTrue();
	}

	@Test
	void aTransactionThatCouldNotEndBecauseItsConnectionBrokeIsUnavailable() {
		// HikariCP's closed connection carries no SQL state; the rollback's failure alone
		// tells that the connection went away under the transaction.
		assertThat(this.faults.isUnavailable(
				new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
			.isTrue();
	}

	@Test
	void refusalsAndStatementBugsAreNotUnavailability() {
		assertThat(this.faults.isUnavailable(new ProblemException(ProblemType.STORAGE_FULL, "full"))).isFalse();
		assertThat(this.faults
			.isUnavailable(new BadSqlGrammarException("list", "SELECT", new SQLException("syntax", "42601"))))
			.isFalse();
		assertThat(this.faults.isUnavailable(new R2dbcBadGrammarException("syntax", "42601"))).isFalse();
		assertThat(this.faults.isUnavailable(new IllegalStateException("bug"))).isFalse();
	}

	@Test
	void unavailabilityIsAnsweredWithTheStorageUnavailableProblem() {
		Throwable translated = this.faults.translate(new DataAccessResourceFailureException("down"));
		assertThat(translated).isInstanceOf(ProblemException.class);
		assertThat(((ProblemException) translated).type()).isEqualTo(ProblemType.STORAGE_UNAVAILABLE);
		assertThat(ProblemType.STORAGE_UNAVAILABLE.status()).isEqualTo(503);
		IllegalStateException bug = new IllegalStateException("bug");
		assertThat(this.faults.translate(bug)).isSameAs(bug);
	}

	@Test
	void theLogLineOfAnUnavailableDatabaseIsWrittenByTheGivenExecutorOnlyOncePerInterval() {
		List<Runnable> logged = new ArrayList<>();
		DatabaseFaults reactive = new DatabaseFaults(logged::add);
		reactive.unavailable(new DataAccessResourceFailureException("down"));
		reactive.unavailable(new DataAccessResourceFailureException("still down"));
		assertThat(logged).hasSize(1);
	}

}
