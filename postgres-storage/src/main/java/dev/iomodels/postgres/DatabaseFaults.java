package dev.iomodels.postgres;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.concurrent.OncePerInterval;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that cannot serve right now (down, restarting, out of connections, too
 * slow) from other failures, and turns it into the API's 503 {@code storage-unavailable}:
 * a fault of the backend, for which a client may retry, and never a 500. Other failures
 * (a bug in a statement) stay errors and are answered 500.
 * <p>
 * The JDBC and R2DBC stacks report the same situations with different exceptions, so this
 * looks through the whole cause chain for any of them: Spring's translated resource and
 * transient failures, JDBC's transient and recoverable exceptions, SQL states of classes
 * 08 (connection), 53 (resources), 57 (operator intervention, such as a server shutting
 * down) and 58 (system), timeouts, I/O errors, and R2DBC's transient and resource
 * exceptions (by name, so that this class loads without R2DBC on the class path).
 */
final class DatabaseFaults {

	private static final Log logger = LogFactory.getLog(DatabaseFaults.class);

	/** A database that is down fails every request: one log line every 5 s. */
	private final OncePerInterval logInterval = new OncePerInterval(Duration.ofSeconds(5));

	private final Executor logging;

	/**
	 * Create the fault check for a blocking store: its log line is written on the
	 * request's own thread.
	 */
	DatabaseFaults() {
		this(Runnable::run);
	}

	/**
	 * Create the fault check with the executor that writes its log line. The R2DBC store
	 * sees its failures on the driver's event loop, where writing a log line (console or
	 * file I/O) would block; it passes a bounded scheduler instead.
	 * @param logging runs the task that writes the log line
	 */
	DatabaseFaults(Executor logging) {
		this.logging = logging;
	}

	/**
	 * Tell whether a failure means the database is unavailable.
	 * @param failure any failure of a storage operation
	 * @return {@code true} if it is a database that cannot serve right now
	 */
	boolean isUnavailable(Throwable failure) {
		if (failure instanceof ProblemException) {
			return false;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (indicatesUnavailable(cause)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * Return the refusal to answer for an unavailable database, logging the cause at most
	 * once every five seconds (a database that is down fails every request).
	 * @param failure the failure
	 * @return the 503 problem
	 */
	ProblemException unavailable(Throwable failure) {
		if (this.logInterval.tryPass()) {
			this.logging.execute(
					() -> logger.warn("The database is unavailable; answering 503 storage-unavailable: " + failure));
		}
		return new ProblemException(ProblemType.STORAGE_UNAVAILABLE,
				"The storage backend is unavailable right now. Retry after the time in Retry-After; "
						+ "a write that was under way may or may not have been carried out.");
	}

	/**
	 * Return the failure to signal: the 503 problem for an unavailable database, the
	 * failure itself otherwise.
	 * @param failure the failure
	 * @return what to throw or signal
	 */
	Throwable translate(Throwable failure) {
		return isUnavailable(failure) ? unavailable(failure) : failure;
	}

	private static boolean indicatesUnavailable(Throwable cause) {
		if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
				|| cause instanceof RecoverableDataAccessException || cause instanceof SQLTransientException
				|| cause instanceof SQLRecoverableException || cause instanceof TimeoutException
				|| cause instanceof IOException || cause instanceof TransactionSystemException
				|| cause instanceof CannotCreateTransactionException) {
			return true;
		}
		if (cause instanceof SQLException sql && unavailableState(sql.getSQLState())) {
			return true;
		}
		return isR2dbcUnavailable(cause);
	}

	private static boolean unavailableState(String sqlState) {
		if (sqlState == null || sqlState.length() < 2) {
			return false;
		}
		String sqlClass = sqlState.substring(0, 2);
		return sqlClass.equals("08") || sqlClass.equals("53") || sqlClass.equals("57") || sqlClass.equals("58");
	}

	private static boolean isR2dbcUnavailable(Throwable cause) {
		for (Class<?> candidate = cause.getClass(); candidate != null; candidate = candidate.getSuperclass()) {
			String name = candidate.getName();
			if (name.equals("io.r2dbc.spi.R2dbcTransientException")
					|| name.equals("io.r2dbc.spi.R2dbcNonTransientResourceException")) {
				return true;
			}
			if (name.equals("io.r2dbc.spi.R2dbcException")) {
				return unavailableState(r2dbcSqlState(candidate, cause));
			}
		}
		return false;
	}

	private static String r2dbcSqlState(Class<?> r2dbcException, Throwable cause) {
		try {
			return (String) r2dbcException.getMethod("getSqlState").invoke(cause);
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

}
