package dev.iomodels.storage;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.iomodels.storage.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EntityTagListTests {

	private static final String ETAG = '"' + "abc" + '"';

	@Test
	void absentHeaderIsNoList() {
		assertThat(EntityTagList.parse("If-Match", null)).isNull();
		assertThat(EntityTagList.parse("If-Match", List.of())).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "*", " *", "* ", "\t*\t" })
	void starMeansAnyCurrentRepresentation(String value) {
		EntityTagList list = EntityTagList.parse("If-None-Match", List.of(value));
		assertThat(list.any()).isTrue();
		assertThat(list.tags()).isEmpty();
	}

	@Test
	void singleStrongTagKeepsItsQuotes() {
		EntityTagList list = EntityTagList.parse("If-Match", List.of("\"abc\""));
		assertThat(list.any()).isFalse();
		assertThat(list.tags()).containsExactly("\"abc\"");
	}

	@Test
	void weakTagKeepsItsPrefix() {
		assertThat(EntityTagList.parse("If-None-Match", List.of("W/\"abc\"")).tags()).containsExactly("W/\"abc\"");
	}

	@Test
	void commaSeparatedListIsSplitInOrder() {
		assertThat(EntityTagList.parse("If-Match", List.of("\"a\",\"b\",W/\"c\"")).tags()).containsExactly("\"a\"",
				"\"b\"", "W/\"c\"");
	}

	@Test
	void spacesAndTabsAroundTagsAndCommasAreIgnored() {
		assertThat(EntityTagList.parse("If-Match", List.of(" \t\"a\" ,\tW/\"b\"  ,  \"c\"\t ")).tags())
			.containsExactly("\"a\"", "W/\"b\"", "\"c\"");
	}

	// A header sent several times is one list (RFC 9110 §5.3).
	@Test
	void severalHeaderValuesFormOneList() {
		assertThat(EntityTagList.parse("If-Match", List.of("\"a\"", "W/\"b\", \"c\"")).tags()).containsExactly("\"a\"",
				"W/\"b\"", "\"c\"");
	}

	// RFC 9110 §5.6.1: a recipient must accept empty list elements.
	@Test
	void emptyListElementsAreSkipped() {
		assertThat(EntityTagList.parse("If-Match", List.of(",\"a\",, ,\"b\",")).tags()).containsExactly("\"a\"",
				"\"b\"");
	}

	@Test
	void emptyOpaqueTagIsATag() {
		assertThat(EntityTagList.parse("If-Match", List.of("\"\"")).tags()).containsExactly("\"\"");
	}

	@Test
	void everyVisibleCharacterButQuoteMayAppearInATag() {
		String opaque = "!#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~";
		assertThat(EntityTagList.parse("If-Match", List.of('"' + opaque + '"')).tags())
			.containsExactly('"' + opaque + '"');
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t", ",", " , ,", "abc", "W/abc", "w/\"abc\"", "W/ \"abc\"", "W\"abc\"", "\"abc",
			"\"abc\" x", "\"abc\"x", "\"abc\" \"def\"", "\"abc\";\"def\"", "*, \"abc\"", "\"abc\", *", "**", "\"a\"b\"",
			"\"a b\"", "\"a\tb\"", "\"caf\u00e9\"", "\"a\u0000\"", "'abc'", "abc\"" })
	void malformedValueIsRefused(String value) {
		assertProblem(() -> EntityTagList.parse("If-Match", List.of(value)), ProblemType.INVALID_HEADER);
	}

	// '*' stands alone: it cannot be combined with tags even across header lines.
	@Test
	void starCombinedWithAnotherHeaderValueIsRefused() {
		assertProblem(() -> EntityTagList.parse("If-None-Match", List.of("*", "\"abc\"")), ProblemType.INVALID_HEADER);
		assertProblem(() -> EntityTagList.parse("If-None-Match", List.of("*", "*")), ProblemType.INVALID_HEADER);
	}

	@Test
	void emptyHeaderValueAmongOthersDoesNotHideAMalformedOne() {
		assertProblem(() -> EntityTagList.parse("If-Match", List.of("", "abc")), ProblemType.INVALID_HEADER);
	}

	@Test
	void refusalNamesTheHeader() {
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> EntityTagList.parse("If-None-Match", List.of("abc")))
			.satisfies((ex) -> assertThat(ex.detail()).startsWith("If-None-Match "));
	}

	@Test
	void headerOfExactlyMaxLengthIsParsed() {
		String tag = '"' + "a".repeat(EntityTagList.MAX_LENGTH - 2) + '"';
		assertThat(EntityTagList.parse("If-Match", List.of(tag)).tags()).containsExactly(tag);
	}

	// The limit applies to the combined value, so splitting a huge list over many header
	// lines does not get around it.
	@Test
	void headerLongerThanMaxLengthIsRefusedEvenWhenSplitOverSeveralValues() {
		String tag = '"' + "a".repeat(EntityTagList.MAX_LENGTH - 1) + '"';
		assertProblem(() -> EntityTagList.parse("If-Match", List.of(tag)), ProblemType.INVALID_HEADER);
		String half = '"' + "a".repeat(EntityTagList.MAX_LENGTH / 2) + '"';
		assertProblem(() -> EntityTagList.parse("If-Match", List.of(half, half)), ProblemType.INVALID_HEADER);
	}

	@Test
	void strongComparisonMatchesOnlyAnIdenticalStrongTag() {
		EntityTagList list = EntityTagList.parse("If-Match", List.of("\"x\", \"abc\""));
		assertThat(list.matchesStrongly(ETAG)).isTrue();
		assertThat(list.matchesStrongly("\"abcd\"")).isFalse();
		assertThat(list.matchesStrongly("\"ABC\"")).isFalse();
	}

	// RFC 9110 §8.8.3.2: two tags are strongly equal only if neither is weak.
	@Test
	void strongComparisonNeverMatchesAWeakTag() {
		assertThat(EntityTagList.parse("If-Match", List.of("W/\"abc\"")).matchesStrongly(ETAG)).isFalse();
	}

	@Test
	void weakComparisonIgnoresTheWeakPrefix() {
		assertThat(EntityTagList.parse("If-None-Match", List.of("W/\"abc\"")).matchesWeakly(ETAG)).isTrue();
		assertThat(EntityTagList.parse("If-None-Match", List.of("\"abc\"")).matchesWeakly(ETAG)).isTrue();
		assertThat(EntityTagList.parse("If-None-Match", List.of("\"x\", W/\"abc\"")).matchesWeakly(ETAG)).isTrue();
		assertThat(EntityTagList.parse("If-None-Match", List.of("W/\"abcd\"")).matchesWeakly(ETAG)).isFalse();
	}

	@Test
	void starMatchesAnyExistingObjectButNotAMissingOne() {
		EntityTagList any = EntityTagList.parse("If-Match", List.of("*"));
		assertThat(any.matchesStrongly(ETAG)).isTrue();
		assertThat(any.matchesWeakly(ETAG)).isTrue();
		assertThat(any.matchesStrongly(null)).isFalse();
		assertThat(any.matchesWeakly(null)).isFalse();
	}

	@Test
	void noTagMatchesAMissingObject() {
		EntityTagList list = EntityTagList.parse("If-Match", List.of("\"abc\""));
		assertThat(list.matchesStrongly(null)).isFalse();
		assertThat(list.matchesWeakly(null)).isFalse();
	}

	@Test
	void tagsAreACopyThatCannotChangeAfterwards() {
		List<String> source = new ArrayList<>(List.of(ETAG));
		EntityTagList list = new EntityTagList(false, source);
		source.clear();
		assertThat(list.tags()).containsExactly(ETAG);
		assertThat(list.matchesStrongly(ETAG)).isTrue();
	}

}
