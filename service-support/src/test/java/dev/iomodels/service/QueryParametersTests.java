package dev.iomodels.service;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class QueryParametersTests {

	@Test
	void parsesNamesAndValuesInOrderDecodedAsUtf8() {
		MultiValueMap<String, String> parameters = QueryParameters.parse("prefix=a%2Fb&limit=2&limit=x&q=a+b%C3%A9");
		assertThat(parameters.get("prefix")).containsExactly("a/b");
		assertThat(parameters.get("limit")).containsExactly("2", "x");
		assertThat(parameters.getFirst("q")).isEqualTo("a b\u00e9");
	}

	// Tomcat's parser throws on these; WebFlux skips or keeps them, and so does this.
	@Test
	void chunksWithoutANameAreSkippedAndAParameterWithoutValueIsKept() {
		MultiValueMap<String, String> parameters = QueryParameters.parse("=x&&cursor=&limit");
		assertThat(parameters.keySet()).containsExactly("x", "cursor", "limit");
		assertThat(parameters.get("cursor")).containsExactly("");
		assertThat(parameters.get("limit")).containsExactly((String) null);
	}

	@Test
	void escapesThatAreNotUtf8BecomeReplacementCharacters() {
		assertThat(QueryParameters.parse("prefix=%FF").getFirst("prefix")).isEqualTo("\uFFFD");
	}

	@Test
	void noQueryIsNoParameters() {
		assertThat(QueryParameters.parse(null)).isEmpty();
		assertThat(QueryParameters.parse("")).isEmpty();
		assertThat(Arrays.asList(QueryParameters.parse("a").get("a").toArray())).containsExactly((Object) null);
	}

}
