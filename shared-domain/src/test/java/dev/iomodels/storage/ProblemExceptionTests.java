package dev.iomodels.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemExceptionTests {

	@Test
	void refusalCarriesItsTypeAndDetail() {
		ProblemException ex = new ProblemException(ProblemType.NOT_FOUND, "No object is stored under the key 'a'.");
		assertThat(ex.type()).isEqualTo(ProblemType.NOT_FOUND);
		assertThat(ex.detail()).isEqualTo("No object is stored under the key 'a'.").isEqualTo(ex.getMessage());
	}

	// Refusals are ordinary outcomes under load: capturing a stack trace would cost more
	// than the lookup that raised them.
	@Test
	void refusalHasNoStackTraceAndNoSuppressedExceptions() {
		ProblemException ex = new ProblemException(ProblemType.STORAGE_FULL, "full");
		assertThat(ex.getStackTrace()).isEmpty();
		ex.addSuppressed(new IllegalStateException());
		assertThat(ex.getSuppressed()).isEmpty();
		assertThat(ex.getCause()).isNull();
	}

}
