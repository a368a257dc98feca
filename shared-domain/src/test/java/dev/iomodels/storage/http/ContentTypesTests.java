package dev.iomodels.storage.http;

import dev.iomodels.storage.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.iomodels.storage.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class ContentTypesTests {

	@Test
	void objectWithoutContentTypeIsStoredAsOctetStream() {
		assertThat(ContentTypes.toStore(null)).isEqualTo("application/octet-stream").isEqualTo(ContentTypes.DEFAULT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/json", "application/vnd.api+json", "image/svg+xml",
			"application/x-www-form-urlencoded", "TEXT/Plain", "text/plain;charset=utf-8",
			"text/plain;format=flowed;charset=utf-8", "multipart/form-data;boundary=\"a b;c=d,e\"",
			"text/plain;title=\"say \\\"hi\\\"\"", "text/plain;empty=\"\"", "application/x.y-z_1!#$&^`|~" })
	void canonicalMediaTypeIsStoredAsSent(String value) {
		assertThat(ContentTypes.toStore(value)).isEqualTo(value);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "text/plain; charset=UTF-8|text/plain;charset=UTF-8",
					"text/plain ;\tcharset=utf-8|text/plain;charset=utf-8",
					"text/plain; charset=utf-8; format=flowed|text/plain;format=flowed;charset=utf-8",
					"text/plain; Charset=\"utf-8\"; Format=flowed|text/plain;format=flowed;charset=utf-8",
					"Text/HTML; Level=1|Text/HTML;level=1" })
	void mediaTypeIsStoredInCanonicalForm(String sent, String stored) {
		assertThat(ContentTypes.toStore(sent)).isEqualTo(stored);
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain; charset=x-no-such-charset", "text/plain; charset=utf-8; charset=utf-8",
			"text/plain; charset=\"not a name\"" })
	void unknownOrRepeatedCharsetIsRefused(String value) {
		assertProblem(() -> ContentTypes.toStore(value), ProblemType.INVALID_HEADER);
	}

	@Test
	void surroundingWhiteSpaceIsNotStored() {
		assertThat(ContentTypes.toStore("  text/plain; charset=utf-8\t ")).isEqualTo("text/plain;charset=utf-8");
	}

	@Test
	void mediaTypeOfExactlyMaxLengthIsAccepted() {
		String value = "application/" + "x".repeat(ContentTypes.MAX_LENGTH - "application/".length());
		assertThat(value).hasSize(256);
		assertThat(ContentTypes.toStore(value)).isEqualTo(value);
	}

	@Test
	void mediaTypeLongerThanMaxLengthIsRefused() {
		String value = "application/" + "x".repeat(ContentTypes.MAX_LENGTH + 1 - "application/".length());
		assertProblem(() -> ContentTypes.toStore(value), ProblemType.INVALID_HEADER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "text", "textplain", "text/", "/plain", "/", "text/plain/html", "text /plain",
			"text/ plain", "te xt/plain", "text/pl ain", "text/plain charset=utf-8", "text/plain, text/html",
			"text/plain; charset", "text/plain; charset=", "text/plain; =utf-8", "text/plain; charset = utf-8",
			"text/plain; charset=\"utf-8", "text/plain; a=\"x\"y\"", "text/plain; a=b c", "t\u00e9xt/plain",
			"text/plain; a=\"caf\u00e9\"", "text/plain\u0000", "text/pl\u0001ain", "text\u007f/plain",
			"text/plain;\ncharset=utf-8", "text/plain; a=\"\u0007\"", "(text)/plain", "text/plain; a=b=c" })
	void valueThatIsNotAMediaTypeIsRefused(String value) {
		assertProblem(() -> ContentTypes.toStore(value), ProblemType.INVALID_HEADER);
	}

}
