package dev.iomodels.storage.http;

import dev.iomodels.storage.ProblemType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.iomodels.storage.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RequestPathsTests {

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/objects/a", "/api/v1/objects/%C3%A9", "/api/v1/objects/a%2Fb",
			"/api/v1/objects/a;b", "/api/v1/objects/a:b@c!$&'()*+,=", "/api/v1/objects/%F0%9F%98%80", "/", "" })
	void pathsThatEveryServerReadsAlikePass(String path) {
		assertThatNoException().isThrownBy(() -> RequestPaths.check(path));
	}

	// Overlong forms, surrogates and truncated sequences: Tomcat refuses them, Reactor
	// Netty would decode them to replacement characters.
	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/objects/%C0%AE", "/api/v1/objects/%E0%80%AF", "/api/v1/objects/%ED%A0%80",
			"/api/v1/objects/%C3", "/api/v1/objects/%FF", "/api/v1/objects/a%8ab" })
	void percentEncodedOctetsThatAreNotUtf8AreMalformed(String path) {
		assertProblem(() -> RequestPaths.check(path), ProblemType.MALFORMED_REQUEST);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/objects/a[b", "/api/v1/objects/a]b", "/api/v1/objects/a|b",
			"/api/v1/objects/a\"b", "/api/v1/objects/a b", "/api/v1/objects/caf\u00e9" })
	void charactersThatMustBePercentEncodedAreMalformed(String path) {
		assertProblem(() -> RequestPaths.check(path), ProblemType.MALFORMED_REQUEST);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/objects/%5c", "/api/v1/objects/a%5Cb" })
	void anEncodedBackslashIsMalformed(String path) {
		assertProblem(() -> RequestPaths.check(path), ProblemType.MALFORMED_REQUEST);
	}

	@ParameterizedTest
	@ValueSource(strings = { "%", "a=%", "a=%Z1", "cursor=%zz&limit=1", "a=%1" })
	void aQueryWithABrokenEscapeIsMalformed(String query) {
		assertProblem(() -> RequestPaths.checkQuery(query), ProblemType.MALFORMED_REQUEST);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "limit=1", "prefix=%2F&cursor=djE6", "a=%FF", "=x&&" })
	void aQueryWithWellFormedEscapesPasses(String query) {
		assertThatNoException().isThrownBy(() -> RequestPaths.checkQuery(query));
		assertThatNoException().isThrownBy(() -> RequestPaths.checkQuery(null));
	}

}
