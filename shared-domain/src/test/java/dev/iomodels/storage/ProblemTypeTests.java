package dev.iomodels.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTypeTests {

	// Clients branch on the type URI alone, so two problems must never share one.
	@Test
	void everyTypeHasItsOwnUri() {
		assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::uri)).doesNotHaveDuplicates()
			.hasSize(ProblemType.values().length);
	}

	@ParameterizedTest
	@EnumSource(ProblemType.class)
	void typeUriIsAnApiUrnEndingInTheSlug(ProblemType type) {
		assertThat(type.uri().toString()).startsWith("urn:io-models:problem:")
			.isEqualTo("urn:io-models:problem:" + type.slug());
		assertThat(type.uri().getScheme()).isEqualTo("urn");
		assertThat(type.slug()).matches("[a-z]+(-[a-z]+)*");
		assertThat(type.title()).isNotBlank();
	}

	// The API page (docs/api.md) is where a client learns the types: none may be missing.
	@ParameterizedTest
	@EnumSource(ProblemType.class)
	void theApiPageNamesEveryType(ProblemType type) throws IOException {
		String api = Files.readString(Path.of("..", "docs", "api.md"), StandardCharsets.UTF_8);
		assertThat(api).as("docs/api.md").startsWith("# The API (v1)\n").contains("`" + type.slug() + "`");
	}

	@Test
	void everyTypeHasTheStatusOfItsMeaning() {
		assertThat(ProblemType.INVALID_KEY.status()).isEqualTo(400);
		assertThat(ProblemType.INVALID_PARAMETER.status()).isEqualTo(400);
		assertThat(ProblemType.INVALID_HEADER.status()).isEqualTo(400);
		assertThat(ProblemType.MALFORMED_REQUEST.status()).isEqualTo(400);
		assertThat(ProblemType.NOT_FOUND.status()).isEqualTo(404);
		assertThat(ProblemType.METHOD_NOT_ALLOWED.status()).isEqualTo(405);
		assertThat(ProblemType.NOT_ACCEPTABLE.status()).isEqualTo(406);
		assertThat(ProblemType.PRECONDITION_FAILED.status()).isEqualTo(412);
		assertThat(ProblemType.REQUEST_TIMEOUT.status()).isEqualTo(408);
		assertThat(ProblemType.PAYLOAD_TOO_LARGE.status()).isEqualTo(413);
		assertThat(ProblemType.UNSUPPORTED_MEDIA_TYPE.status()).isEqualTo(415);
		assertThat(ProblemType.STORAGE_FULL.status()).isEqualTo(507);
		assertThat(ProblemType.UNAUTHORIZED.status()).isEqualTo(401);
		assertThat(ProblemType.OVERLOADED.status()).isEqualTo(503);
		assertThat(ProblemType.STORAGE_TIMEOUT.status()).isEqualTo(504);
		assertThat(ProblemType.STORAGE_UNAVAILABLE.status()).isEqualTo(503);
		assertThat(ProblemType.INTERNAL_ERROR.status()).isEqualTo(500);
	}

	// Framework errors with a dedicated status get the API's own type back. A 503 is
	// storage-unavailable only when the storage backend says so; a framework's 503 is
	// not about storage and stays an internal error. request-timeout (408) is raised only
	// by the services' own deadline; a framework's 408 stays a malformed request.
	@ParameterizedTest
	@EnumSource(mode = EnumSource.Mode.EXCLUDE, names = { "INVALID_KEY", "INVALID_PARAMETER", "INVALID_HEADER",
			"MALFORMED_REQUEST", "REQUEST_TIMEOUT", "OVERLOADED", "STORAGE_TIMEOUT", "STORAGE_UNAVAILABLE" })
	void statusWithADedicatedTypeMapsBackToThatType(ProblemType type) {
		assertThat(ProblemType.forStatus(type.status())).isEqualTo(type);
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 403, 408, 409, 411, 414, 418, 422, 429, 431, 499 })
	void otherClientErrorIsAMalformedRequest(int status) {
		assertThat(ProblemType.forStatus(status)).isEqualTo(ProblemType.MALFORMED_REQUEST);
	}

	// overloaded (503) and storage-timeout (504) are only ever raised by the services'
	// own code; a framework's 503 or 504 is a fault like any other.
	@ParameterizedTest
	@ValueSource(ints = { 500, 501, 502, 503, 504, 599 })
	void serverErrorWithoutADedicatedTypeIsAnInternalError(int status) {
		assertThat(ProblemType.forStatus(status)).isEqualTo(ProblemType.INTERNAL_ERROR);
	}

	// 503 may be shared too: every "not now, try again" type of the service (overloaded,
	// and those of a storage backend that can be unavailable) answers it.
	@Test
	void onlyTheFourBadRequestTypesAndTheUnavailableTypesShareAStatus() {
		Set<ProblemType> badRequests = EnumSet.noneOf(ProblemType.class);
		for (ProblemType type : ProblemType.values()) {
			if (type.status() == 400) {
				badRequests.add(type);
			}
		}
		assertThat(badRequests).containsExactlyInAnyOrder(ProblemType.INVALID_KEY, ProblemType.INVALID_PARAMETER,
				ProblemType.INVALID_HEADER, ProblemType.MALFORMED_REQUEST);
		assertThat(Arrays.stream(ProblemType.values())
			.filter((type) -> type.status() != 400 && type.status() != 503)
			.map(ProblemType::status)).doesNotHaveDuplicates();
		assertThat(ProblemType.forStatus(401)).isEqualTo(ProblemType.UNAUTHORIZED);
	}

}
