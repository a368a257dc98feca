package dev.iomodels.storage;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.iomodels.storage.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class ListQueryTests {

	@Test
	void listingWithoutParametersStartsAtTheFirstKeyWithTheDefaultPageSize() {
		ListQuery query = ListQuery.parse(null, null, null);
		assertThat(query.prefix()).isEmpty();
		assertThat(query.limit()).isEqualTo(ListQuery.DEFAULT_LIMIT).isEqualTo(100);
		assertThat(query.after()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "2", "100", "999", "1000" })
	void limitFromOneToMaxIsAccepted(String limit) {
		assertThat(ListQuery.parse(null, limit, null).limit()).isEqualTo(Integer.parseInt(limit));
	}

	// Integer.parseInt alone would accept "+5" and non-ASCII digits such as U+0665.
	@ParameterizedTest
	@ValueSource(strings = { "0", "1001", "9999", "10000", "-1", "-0", "", " ", "abc", "+5", " 5", "5 ", "5.0", "1e2",
			"0x10", "\u0665", "2147483648", "99999999999999999999" })
	void limitOutsideOneToMaxOrNotADecimalNumberIsRefused(String limit) {
		assertProblem(() -> ListQuery.parse(null, limit, null), ProblemType.INVALID_PARAMETER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a", "photos.", ".", "-", "A.b_c~d-e9" })
	void prefixOfKeyCharactersIsAccepted(String prefix) {
		assertThat(ListQuery.parse(prefix, null, null).prefix()).isEqualTo(prefix);
	}

	@Test
	void prefixOfMaxKeyLengthIsAcceptedAndOneLongerIsRefused() {
		String prefix = "p".repeat(ObjectKey.MAX_LENGTH);
		assertThat(ListQuery.parse(prefix, null, null).prefix()).isEqualTo(prefix);
		assertProblem(() -> ListQuery.parse(prefix + "p", null, null), ProblemType.INVALID_PARAMETER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a/b", "/", "a b", " ", "%2F", "a*", "caf\u00e9", "a\u0000", "a\n" })
	void prefixWithCharactersNoKeyCanContainIsRefused(String prefix) {
		assertProblem(() -> ListQuery.parse(prefix, null, null), ProblemType.INVALID_PARAMETER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "key-42", "Z.z_~-0", "k" })
	void cursorHandedOutForAKeyContinuesAfterThatKey(String key) {
		String cursor = ListQuery.cursorAfter(key);
		assertThat(ListQuery.parse(null, null, cursor).after()).isEqualTo(key);
	}

	@Test
	void cursorOfTheLongestKeyRoundTrips() {
		String key = "k".repeat(ObjectKey.MAX_LENGTH);
		assertThat(ListQuery.parse("k", "5", ListQuery.cursorAfter(key))).isEqualTo(new ListQuery("k", 5, key));
	}

	// The cursor goes into a query string as is.
	@Test
	void cursorIsUrlSafeWithoutPadding() {
		for (String key : new String[] { "a", "ab", "abc", "~~~~", "a~b~c?", "???" }) {
			assertThat(ListQuery.cursorAfter(key)).matches("[A-Za-z0-9_-]+");
		}
	}

	// Among them: the standard alphabet's '+' and '/', a lone character, a space.
	@ParameterizedTest
	@ValueSource(strings = { "", "!!!", "a", "a+b/", "%%", "v1:a", "dj E6YQ" })
	void cursorThatIsNotBase64UrlIsRefused(String cursor) {
		assertProblem(() -> ListQuery.parse(null, null, cursor), ProblemType.INVALID_PARAMETER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "key", "v2:key", "V1:key", "v1", ":key", " v1:key" })
	void cursorWithoutTheVersionTagIsRefused(String decoded) {
		assertProblem(() -> ListQuery.parse(null, null, encode(decoded)), ProblemType.INVALID_PARAMETER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "v1:", "v1:.hidden", "v1:a/b", "v1:a b", "v1:-a", "v1:caf\u00e9", "v1:a\u0000" })
	void cursorWhoseKeyIsNotAValidKeyIsRefused(String decoded) {
		assertProblem(() -> ListQuery.parse(null, null, encode(decoded)), ProblemType.INVALID_PARAMETER);
	}

	@Test
	void cursorWhoseKeyIsTooLongIsRefused() {
		String cursor = encode("v1:" + "k".repeat(ObjectKey.MAX_LENGTH + 1));
		assertProblem(() -> ListQuery.parse(null, null, cursor), ProblemType.INVALID_PARAMETER);
	}

	private static String encode(String decoded) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
	}

}
