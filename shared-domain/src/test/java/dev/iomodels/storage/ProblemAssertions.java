package dev.iomodels.storage;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Asserts that a call is refused with a given problem type: the type, not the message, is
 * what every service maps to its response.
 */
public final class ProblemAssertions {

	private ProblemAssertions() {
	}

	public static void assertProblem(ThrowingCallable call, ProblemType type) {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(call)
			.extracting(ProblemException::type)
			.isEqualTo(type);
	}

}
