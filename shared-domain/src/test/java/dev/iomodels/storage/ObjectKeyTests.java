package dev.iomodels.storage;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.iomodels.storage.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ObjectKeyTests {

	@ParameterizedTest
	@ValueSource(strings = { "a", "Z", "7" })
	void singleLetterOrDigitIsAKey(String value) {
		assertThat(ObjectKey.of(value).value()).isEqualTo(value);
		assertThat(ObjectKey.isValid(value)).isTrue();
	}

	@Test
	void keyOfExactlyMaxLengthIsAccepted() {
		String value = "k".repeat(ObjectKey.MAX_LENGTH);
		assertThat(ObjectKey.MAX_LENGTH).isEqualTo(256);
		assertThat(ObjectKey.of(value).value()).isEqualTo(value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a.", "a-", "a_", "a~", "a._~-", "0-_.~x", "a..b", "a--", "photo.2024-01-01_v2~old",
			"ABCxyz0189" })
	void everyUnreservedCharacterIsAllowedAfterTheFirst(String value) {
		assertThat(ObjectKey.of(value).value()).isEqualTo(value);
	}

	@Test
	void keyOneCharacterOverMaxLengthIsRefusedWithItsLength() {
		String value = "k".repeat(ObjectKey.MAX_LENGTH + 1);
		assertThat(ObjectKey.isValid(value)).isFalse();
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> ObjectKey.of(value))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(ProblemType.INVALID_KEY))
			.satisfies((ex) -> assertThat(ex.detail()).contains("257"));
	}

	@ParameterizedTest
	@NullAndEmptySource
	void missingKeyIsRefused(String value) {
		assertThat(ObjectKey.isValid(value)).isFalse();
		assertProblem(() -> ObjectKey.of(value), ProblemType.INVALID_KEY);
	}

	// A leading '.' would allow the dot-segments "." and ".." that URI normalization
	// removes; the other punctuation is refused first for a uniform rule.
	@ParameterizedTest
	@ValueSource(strings = { ".", "..", ".hidden", "-a", "_a", "~a", "-", "_", "~" })
	void keyStartingWithPunctuationIsRefused(String value) {
		assertProblem(() -> ObjectKey.of(value), ProblemType.INVALID_KEY);
	}

	// Keys are used as decoded path segments: anything that would need percent-encoding
	// or that changes the path's structure is refused.
	@ParameterizedTest
	@ValueSource(strings = { "a/b", "/a", "a/", "a b", " a", "a ", "a%20b", "%41", "a:b", "a+b", "a*", "a?b", "a#b",
			"a@b", "a!b", "a'b", "a\\b", "caf\u00e9", "\u00e9t\u00e9", "\u0430bc", "a\u00a0b", "a\u2028b",
			"\uD83D\uDE00", "a\u0000", "a\u0001b", "a\nb", "a\n", "a\r", "a\tb", "a\u007f", "\u0000" })
	void keyWithCharacterOutsideTheGrammarIsRefused(String value) {
		assertThat(ObjectKey.isValid(value)).isFalse();
		assertProblem(() -> ObjectKey.of(value), ProblemType.INVALID_KEY);
	}

	@Test
	void keysSortInAsciiOrderAsListingsDo() {
		List<ObjectKey> keys = new ArrayList<>(List.of(ObjectKey.of("b"), ObjectKey.of("a-"), ObjectKey.of("Z"),
				ObjectKey.of("a"), ObjectKey.of("a.b"), ObjectKey.of("9"), ObjectKey.of("a~"), ObjectKey.of("a_")));
		keys.sort(null);
		assertThat(keys).extracting(ObjectKey::value).containsExactly("9", "Z", "a", "a-", "a.b", "a_", "a~", "b");
	}

	@Test
	void keysWithTheSameValueAreEqualAndPrintAsTheValue() {
		assertThat(ObjectKey.of("k.1")).isEqualTo(ObjectKey.of("k.1")).hasToString("k.1");
		assertThat(ObjectKey.of("k.1")).isNotEqualTo(ObjectKey.of("K.1"));
	}

}
