package dev.iomodels.storage;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.iomodels.storage.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PreconditionsTests {

	private static final String CURRENT = ETags.of(new byte[] { 1 });

	private static final String OTHER = ETags.of(new byte[] { 2 });

	@Test
	void requestWithoutConditionalHeadersHasNoPreconditions() {
		assertThat(Preconditions.parse(List.of(), List.of())).isSameAs(Preconditions.NONE);
		assertThat(Preconditions.parse(null, null)).isSameAs(Preconditions.NONE);
	}

	@Test
	void parsedHeadersKeepTheirRoles() {
		Preconditions preconditions = Preconditions.parse(List.of(CURRENT), List.of("*"));
		assertThat(preconditions.ifMatch().tags()).containsExactly(CURRENT);
		assertThat(preconditions.ifNoneMatch().any()).isTrue();
	}

	@Test
	void malformedHeaderIsRefusedWithItsName() {
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> Preconditions.parse(List.of(), List.of("unquoted")))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(ProblemType.INVALID_HEADER))
			.satisfies((ex) -> assertThat(ex.detail()).startsWith("If-None-Match"));
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> Preconditions.parse(List.of("\"open"), List.of()))
			.satisfies((ex) -> assertThat(ex.detail()).startsWith("If-Match"));
	}

	@Test
	void unconditionalWriteGoesAheadWhetherOrNotTheObjectExists() {
		assertThatNoException().isThrownBy(() -> Preconditions.NONE.checkWrite(null));
		assertThatNoException().isThrownBy(() -> Preconditions.NONE.checkWrite(CURRENT));
	}

	@Test
	void createOnlyWriteGoesAheadOnAMissingObject() {
		assertThatNoException().isThrownBy(() -> Preconditions.CREATE_ONLY.checkWrite(null));
	}

	@Test
	void createOnlyWriteFailsOnAnExistingObject() {
		assertProblem(() -> Preconditions.CREATE_ONLY.checkWrite(CURRENT), ProblemType.PRECONDITION_FAILED);
	}

	@Test
	void ifMatchWriteFailsOnAMissingObject() {
		assertProblem(() -> Preconditions.ifMatch(CURRENT).checkWrite(null), ProblemType.PRECONDITION_FAILED);
		// Even '*' needs a current representation (RFC 9110 §13.1.1).
		assertProblem(() -> Preconditions.parse(List.of("*"), List.of()).checkWrite(null),
				ProblemType.PRECONDITION_FAILED);
	}

	@Test
	void ifMatchWriteGoesAheadWhenTheCurrentTagIsListed() {
		assertThatNoException().isThrownBy(() -> Preconditions.ifMatch(CURRENT).checkWrite(CURRENT));
		assertThatNoException()
			.isThrownBy(() -> Preconditions.parse(List.of(OTHER + ", " + CURRENT), List.of()).checkWrite(CURRENT));
		assertThatNoException().isThrownBy(() -> Preconditions.parse(List.of("*"), List.of()).checkWrite(CURRENT));
	}

	@Test
	void ifMatchWriteFailsWhenTheCurrentTagIsNotListed() {
		assertProblem(() -> Preconditions.ifMatch(OTHER).checkWrite(CURRENT), ProblemType.PRECONDITION_FAILED);
	}

	// If-Match uses the strong comparison: a weak validator cannot guard a write.
	@Test
	void ifMatchWriteFailsWithTheWeakFormOfTheCurrentTag() {
		assertProblem(() -> Preconditions.parse(List.of("W/" + CURRENT), List.of()).checkWrite(CURRENT),
				ProblemType.PRECONDITION_FAILED);
	}

	// If-None-Match uses the weak comparison, also for writes.
	@Test
	void ifNoneMatchWriteFailsWhenTheCurrentTagIsListedEvenAsWeak() {
		assertProblem(() -> Preconditions.parse(List.of(), List.of("W/" + CURRENT)).checkWrite(CURRENT),
				ProblemType.PRECONDITION_FAILED);
		assertProblem(() -> Preconditions.parse(List.of(), List.of(CURRENT)).checkWrite(CURRENT),
				ProblemType.PRECONDITION_FAILED);
	}

	@Test
	void ifNoneMatchWriteGoesAheadWhenTheCurrentTagIsNotListed() {
		assertThatNoException().isThrownBy(() -> Preconditions.parse(List.of(), List.of(OTHER)).checkWrite(CURRENT));
		assertThatNoException().isThrownBy(() -> Preconditions.parse(List.of(), List.of(OTHER)).checkWrite(null));
	}

	// RFC 9110 §13.2.2: If-Match is evaluated first.
	@Test
	void ifMatchIsEvaluatedBeforeIfNoneMatch() {
		Preconditions both = Preconditions.parse(List.of(OTHER), List.of(CURRENT));
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> both.checkWrite(CURRENT))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(ProblemType.PRECONDITION_FAILED))
			.satisfies((ex) -> assertThat(ex.detail()).startsWith("If-Match"));
	}

	@Test
	void writeGoesAheadOnlyWhenBothHeadersHold() {
		assertThatNoException()
			.isThrownBy(() -> Preconditions.parse(List.of(CURRENT), List.of(OTHER)).checkWrite(CURRENT));
		assertProblem(() -> Preconditions.parse(List.of(CURRENT), List.of(CURRENT)).checkWrite(CURRENT),
				ProblemType.PRECONDITION_FAILED);
	}

	@Test
	void unconditionalReadIsNeverNotModified() {
		assertThat(Preconditions.NONE.notModified(CURRENT)).isFalse();
	}

	@Test
	void readIsNotModifiedWhenIfNoneMatchListsTheCurrentTag() {
		assertThat(Preconditions.parse(List.of(), List.of(CURRENT)).notModified(CURRENT)).isTrue();
		assertThat(Preconditions.parse(List.of(), List.of("W/" + CURRENT)).notModified(CURRENT)).isTrue();
		assertThat(Preconditions.parse(List.of(), List.of(OTHER + ", " + CURRENT)).notModified(CURRENT)).isTrue();
		assertThat(Preconditions.parse(List.of(), List.of("*")).notModified(CURRENT)).isTrue();
	}

	@Test
	void readIsModifiedWhenIfNoneMatchListsAnotherTag() {
		assertThat(Preconditions.parse(List.of(), List.of(OTHER)).notModified(CURRENT)).isFalse();
	}

	@Test
	void readFailsWhenIfMatchDoesNotHold() {
		assertProblem(() -> Preconditions.ifMatch(OTHER).notModified(CURRENT), ProblemType.PRECONDITION_FAILED);
		assertProblem(() -> Preconditions.parse(List.of("W/" + CURRENT), List.of()).notModified(CURRENT),
				ProblemType.PRECONDITION_FAILED);
	}

	@Test
	void readWithHoldingIfMatchIsServedInFull() {
		assertThat(Preconditions.ifMatch(CURRENT).notModified(CURRENT)).isFalse();
	}

	@Test
	void readChecksIfMatchBeforeAnsweringNotModified() {
		assertProblem(() -> Preconditions.parse(List.of(OTHER), List.of(CURRENT)).notModified(CURRENT),
				ProblemType.PRECONDITION_FAILED);
		assertThat(Preconditions.parse(List.of(CURRENT), List.of(CURRENT)).notModified(CURRENT)).isTrue();
	}

}
