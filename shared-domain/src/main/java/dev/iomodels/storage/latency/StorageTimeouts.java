package dev.iomodels.storage.latency;

import java.time.Duration;

import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;

/**
 * The one refusal of a storage operation that took too long, shared by every port so that
 * its detail reads the same in all services.
 */
final class StorageTimeouts {

	private StorageTimeouts() {
	}

	/**
	 * Return the refusal of an operation given up after the timeout.
	 * @param timeout the storage operation timeout
	 * @return a {@link ProblemType#STORAGE_TIMEOUT} problem
	 */
	static ProblemException timedOut(Duration timeout) {
		return new ProblemException(ProblemType.STORAGE_TIMEOUT,
				"The storage did not answer within " + timeout.toMillis() + " ms; nothing was changed.");
	}

}
