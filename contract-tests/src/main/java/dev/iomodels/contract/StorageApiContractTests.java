package dev.iomodels.contract;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.iomodels.storage.ProblemType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.iomodels.contract.ContractHttp.describe;
import static dev.iomodels.contract.ContractHttp.etagOf;
import static dev.iomodels.contract.ContractHttp.header;
import static dev.iomodels.contract.ContractHttp.listHeader;
import static dev.iomodels.contract.ContractHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The HTTP contract of the storage API, v1, which every service must pass. It talks real
 * HTTP/1.1 to a running service, so it specifies what a client sees on the wire, not how
 * a framework is called. Its tests are in sections by concern, one {@code @Nested} class
 * each: keys, writes, reads, deletes, conditional requests, limits, listing, refusals,
 * the service's description of itself, connections, management, and the API server's own
 * checks, which come from the service's web stack.
 * <p>
 * A service runs it with one small subclass per implementation (backend, transport):
 * {@link ContractSpringBootTest} to start the service, any property that differs, and a
 * constructor that says what the service must report, e.g.
 *
 * <pre class="code">
 * &#64;ContractSpringBootTest
 * &#64;TestPropertySource(properties = "iomodels.server.transport=nio2")
 * class ClassicOnNio2ContractTests extends StorageApiContractTests {
 *
 *     ClassicOnNio2ContractTests() {
 *         super(TomcatServer.platformThreads(200).onTransport("nio2"));
 *     }
 *
 * }
 * </pre>
 *
 * Where the service listens comes from {@link RunningServerExtension}. All tests of a
 * class share one server; each writes only keys under a random prefix of its own, so none
 * sees another's objects, and the tests that store whole mebibytes delete them again.
 * Every answer a test receives must be listed by the OpenAPI document the service serves.
 */
@ExtendWith(RunningServerExtension.class)
public abstract class StorageApiContractTests {

	/** The default maximum object size, which the services keep: 1 MiB. */
	private static final int MAX_OBJECT_SIZE = 1024 * 1024;

	private static final String OBJECTS = "/api/v1/objects";

	private static final String PROBLEM_TYPE_PREFIX = "urn:io-models:problem:";

	private static final int STORAGE_FULL_ATTEMPTS = 40;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What the service must report, and its web stack's checks. */
	private final ServiceUnderTest service;

	/** Every answer of the test, for the check against the OpenAPI document. */
	private final ServedAnswers answers = new ServedAnswers();

	private RunningServer server;

	private String prefix;

	/**
	 * Run the contract against a service.
	 * @param service what the service must report about itself, and its web stack
	 */
	protected StorageApiContractTests(ServiceUnderTest service) {
		this.service = service;
	}

	@BeforeEach
	void connect(RunningServer server) {
		this.server = server;
		this.prefix = ContractHttp.randomPrefix();
	}

	/**
	 * The OpenAPI document the service serves must describe what the service does: every
	 * status a test received on a documented path must be listed for its operation.
	 */
	@AfterEach
	void everyAnswerIsListedByTheServedOpenApiDocument() {
		this.answers.assertListedBy(ContractHttp.send(api("/api/v1/openapi.yaml").GET().build()));
	}

	/**
	 * What a key may be, and what a bad one gets: every bad key is refused the same way
	 * on every method.
	 */
	@Nested
	class Keys {

		@Test
		void keyOf256CharactersIsAccepted() {
			String key = longKey(256);
			byte[] body = bytes("longest key");
			HttpResponse<byte[]> put = put(key, body, "text/plain");
			assertStatus(put, 201);
			assertThat(json(put).path("key").stringValue()).isEqualTo(key);
			HttpResponse<byte[]> get = get(key);
			assertStatus(get, 200);
			assertThat(get.body()).isEqualTo(body);
		}

		@Test
		void keyOfOneCharacterIsAccepted() {
			// The one test of a class that uses this key; cleared first in case a service
			// that runs the suite again (RunningServiceContract) still holds it.
			String key = "Q";
			assertThat(delete(key).statusCode()).isIn(204, 404);
			byte[] body = bytes("shortest key");
			HttpResponse<byte[]> put = put(key, body, "text/plain");
			assertStatus(put, 201);
			assertThat(json(put).path("key").stringValue()).isEqualTo(key);
			assertThat(header(put, "Location")).isEqualTo(OBJECTS + "/" + key);
			assertThat(get(key).body()).isEqualTo(body);
			assertStatus(delete(key), 204);
		}

		@Test
		void keyOf257CharactersAnswers400InvalidKeyOnGetPutAndDelete() {
			String key = longKey(257);
			assertProblem(put(key, bytes("too long"), "text/plain"), 400, "invalid-key");
			assertProblem(get(key), 400, "invalid-key");
			assertProblem(delete(key), 400, "invalid-key");
			assertProblem(get(longKey(256)), 404, "not-found");
		}

		@Test
		void emptyKeyAnswers400InvalidKeyOnGetHeadPutAndDelete() {
			// /api/v1/objects/ names no key at all: a key of 0 characters, outside the
			// grammar like any other bad key, not an unknown path.
			assertProblem(put("", bytes("not stored"), "text/plain"), 400, "invalid-key");
			assertProblem(get(""), 400, "invalid-key");
			assertProblem(delete(""), 400, "invalid-key");
			HttpResponse<byte[]> head = send(api(objectPath("")).HEAD());
			assertStatus(head, 400);
			assertThat(head.body()).isEmpty();
			HttpResponse<byte[]> post = send(api(objectPath("")).POST(BodyPublishers.ofString("x")));
			assertProblem(post, 405, "method-not-allowed");
			assertThat(listHeader(post, "Allow")).as(describe(post)).contains("GET", "HEAD", "PUT", "DELETE");
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "-bad", ".hidden", "_underscore-first", "~tilde-first", "a%20b", "a%2Fb", "a%2fb",
				"%C3%A9", "a%25b", "a%3Fb" })
		void keyOutsideTheGrammarAnswers400InvalidKeyOnGetPutAndDelete(String rawKey) {
			assertProblem(put(rawKey, bytes("not stored"), "text/plain"), 400, "invalid-key");
			assertProblem(get(rawKey), 400, "invalid-key");
			assertProblem(delete(rawKey), 400, "invalid-key");
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "a%00b", "a%1Fb", "a%7Fb", "..", ".", "%2e%2E", "%2E" })
		void pathWithControlCharacterDotSegmentOrBrokenEscapeAnswers400MalformedRequestOnGetPutAndDelete(
				String rawKey) {
			// Tomcat refuses or normalizes such paths before the application sees them
			// and
			// Reactor Netty does not, so every service applies one rule before routing.
			// (A
			// broken
			// percent-escape is refused by the same rule but cannot be sent with
			// java.net.URI.)
			assertProblem(put(rawKey, bytes("not stored"), "text/plain"), 400, "malformed-request");
			assertProblem(get(rawKey), 400, "malformed-request");
			assertProblem(delete(rawKey), 400, "malformed-request");
		}

		@Test
		void keyWithEveryAllowedCharacterIsAccepted() {
			String key = key("Az09._~-end");
			HttpResponse<byte[]> put = put(key, bytes("unreserved"), "text/plain");
			assertStatus(put, 201);
			assertThat(json(put).path("key").stringValue()).isEqualTo(key);
			assertThat(header(put, "Location")).isEqualTo(OBJECTS + "/" + key);
			assertStatus(get(key), 200);
		}

		@Test
		void percentEncodedKeyIsDecodedBeforeUse() {
			String suffix = prefix + "pct";
			String key = "Abc" + suffix;
			byte[] body = bytes("decoded");
			HttpResponse<byte[]> put = put("%41bc" + suffix, body, "text/plain");
			assertStatus(put, 201);
			assertThat(json(put).path("key").stringValue()).isEqualTo(key);
			assertThat(header(put, "Location")).isEqualTo(OBJECTS + "/" + key);
			HttpResponse<byte[]> get = get(key);
			assertStatus(get, 200);
			assertThat(get.body()).isEqualTo(body);
			assertThat(header(get, "ETag")).isEqualTo(etagOf(body));
			HttpResponse<byte[]> replace = put(key, bytes("same object"), "text/plain");
			assertStatus(replace, 200);
			HttpResponse<byte[]> encodedGet = get("%41bc" + suffix);
			assertStatus(encodedGet, 200);
			assertThat(encodedGet.body()).isEqualTo(bytes("same object"));
		}

	}

	/**
	 * PUT: what is stored, what the answer says about it, and what is refused before
	 * anything is stored.
	 */
	@Nested
	class Writes {

		@Test
		void putOfNewKeyAnswers201WithLocationEtagAndMetadata() {
			String key = key("new");
			byte[] body = randomBytes(3000);
			Instant before = Instant.now().minusSeconds(5);
			HttpResponse<byte[]> response = put(key, body, "application/x-contract");
			Instant after = Instant.now().plusSeconds(5);
			assertStatus(response, 201);
			assertThat(header(response, "Location")).as(describe(response)).isEqualTo(OBJECTS + "/" + key);
			assertThat(header(response, "ETag")).as(describe(response)).isEqualTo(etagOf(body));
			JsonNode metadata = json(response);
			assertThat(metadata.propertyNames()).as(describe(response))
				.containsExactlyInAnyOrder("key", "size", "contentType", "etag", "created", "modified");
			assertThat(metadata.path("key").stringValue()).isEqualTo(key);
			assertThat(metadata.path("size").isIntegralNumber()).as(describe(response)).isTrue();
			assertThat(metadata.path("size").longValue()).isEqualTo(3000);
			assertThat(metadata.path("contentType").stringValue()).isEqualTo("application/x-contract");
			assertThat(metadata.path("etag").stringValue()).isEqualTo(etagOf(body));
			Instant created = instant(metadata, "created");
			Instant modified = instant(metadata, "modified");
			assertThat(created).isBetween(before, after);
			assertThat(modified).isAfterOrEqualTo(created).isBetween(before, after);
		}

		@Test
		void putOfExistingKeyAnswers200AndKeepsCreated() {
			String key = key("replaced");
			JsonNode first = create(key, bytes("first"), "text/plain");
			byte[] second = bytes("second version");
			HttpResponse<byte[]> response = put(key, second, "application/x-second");
			assertStatus(response, 200);
			assertThat(header(response, "ETag")).isEqualTo(etagOf(second));
			JsonNode metadata = json(response);
			assertThat(metadata.propertyNames()).containsExactlyInAnyOrder("key", "size", "contentType", "etag",
					"created", "modified");
			assertThat(metadata.path("key").stringValue()).isEqualTo(key);
			assertThat(metadata.path("size").longValue()).isEqualTo(second.length);
			assertThat(metadata.path("contentType").stringValue()).isEqualTo("application/x-second");
			assertThat(metadata.path("etag").stringValue()).isEqualTo(etagOf(second));
			assertThat(instant(metadata, "created")).isEqualTo(instant(first, "created"));
			assertThat(instant(metadata, "modified")).isAfterOrEqualTo(instant(metadata, "created"))
				.isAfterOrEqualTo(instant(first, "modified"));
			HttpResponse<byte[]> get = get(key);
			assertStatus(get, 200);
			assertThat(get.body()).isEqualTo(second);
			assertThat(header(get, "Content-Type")).isEqualTo("application/x-second");
		}

		@Test
		void putWithoutContentTypeStoresApplicationOctetStream() {
			String key = key("untyped");
			byte[] body = randomBytes(10);
			HttpResponse<byte[]> response = put(key, body, null);
			assertStatus(response, 201);
			assertThat(json(response).path("contentType").stringValue()).isEqualTo("application/octet-stream");
			HttpResponse<byte[]> get = get(key);
			assertStatus(get, 200);
			assertThat(header(get, "Content-Type")).isEqualTo("application/octet-stream");
		}

		@Test
		void putStoresContentTypeInCanonicalFormAndSendsItBackExactly() {
			String key = key("typed");
			HttpResponse<byte[]> response = put(key, bytes("héllo"), "text/plain; Charset=utf-8; Format=flowed");
			assertStatus(response, 201);
			String canonical = "text/plain;format=flowed;charset=utf-8";
			assertThat(json(response).path("contentType").stringValue()).isEqualTo(canonical);
			HttpResponse<byte[]> get = get(key);
			assertStatus(get, 200);
			assertThat(header(get, "Content-Type")).as(describe(get)).isEqualTo(canonical);
			assertThat(get.body()).isEqualTo(bytes("héllo"));
		}

		@Test
		void putWithUnknownCharsetAnswers400InvalidHeaderAndStoresNothing() {
			String key = key("charset");
			assertProblem(put(key, bytes("x"), "text/plain; charset=x-no-such-charset"), 400, "invalid-header");
			assertProblem(get(key), 404, "not-found");
		}

		@Test
		void putWithMalformedContentTypeAnswers400InvalidHeaderAndStoresNothing() {
			String key = key("badtype");
			assertProblem(put(key, bytes("x"), "nonsense"), 400, "invalid-header");
			assertProblem(get(key), 404, "not-found");
		}

		@Test
		void putOfEmptyBodyIsAccepted() {
			String key = key("empty");
			HttpResponse<byte[]> response = put(key, new byte[0], "text/plain");
			assertStatus(response, 201);
			assertThat(header(response, "ETag")).isEqualTo(etagOf(new byte[0]));
			assertThat(json(response).path("size").longValue()).isZero();
			HttpResponse<byte[]> get = get(key);
			assertStatus(get, 200);
			assertThat(get.body()).isEmpty();
			assertThat(header(get, "Content-Length")).isEqualTo("0");
			assertThat(header(get, "ETag")).isEqualTo(etagOf(new byte[0]));
		}

		@Test
		void putThatAcceptsNoJsonAnswers406NotAcceptableAndStoresNothing() {
			// The answer to a PUT is the metadata as JSON; a client that accepts only
			// text
			// cannot be given it, and the write must not happen behind a refusal.
			String key = key("textonly");
			assertProblem(put(key, bytes("x"), "text/plain", "Accept", "text/plain"), 406, "not-acceptable");
			assertProblem(get(key), 404, "not-found");
		}

		@Test
		void sameBytesHaveTheSameEtagUnderAnyKey() {
			byte[] body = randomBytes(500);
			HttpResponse<byte[]> first = put(key("one"), body, "application/x-a");
			HttpResponse<byte[]> second = put(key("two"), body, "application/x-b");
			HttpResponse<byte[]> other = put(key("three"), randomBytes(500), "application/x-a");
			assertStatus(first, 201);
			assertStatus(second, 201);
			assertStatus(other, 201);
			assertThat(header(first, "ETag")).isEqualTo(etagOf(body)).isEqualTo(header(second, "ETag"));
			assertThat(header(other, "ETag")).isNotEqualTo(header(first, "ETag"));
		}

	}

	/**
	 * GET and HEAD of an object.
	 */
	@Nested
	class Reads {

		@Test
		void getAnswersStoredBytesWithContentTypeEtagLastModifiedAndContentLength() {
			String key = key("read");
			byte[] body = randomBytes(1000);
			JsonNode metadata = create(key, body, "application/x-contract");
			HttpResponse<byte[]> response = get(key);
			assertStatus(response, 200);
			assertThat(response.body()).isEqualTo(body);
			assertThat(header(response, "Content-Type")).as(describe(response)).isEqualTo("application/x-contract");
			assertThat(header(response, "ETag")).as(describe(response)).isEqualTo(etagOf(body));
			assertThat(header(response, "Content-Length")).as(describe(response)).isEqualTo("1000");
			assertThat(lastModified(response)).as(describe(response))
				.isEqualTo(instant(metadata, "modified").truncatedTo(ChronoUnit.SECONDS));
		}

		@Test
		void getOfMissingKeyAnswers404NotFound() {
			assertProblem(get(key("missing")), 404, "not-found");
		}

		@Test
		void headAnswersSameStatusAndHeadersAsGetWithoutBody() {
			String key = key("head");
			byte[] body = randomBytes(777);
			create(key, body, "application/x-head");
			HttpResponse<byte[]> get = get(key);
			HttpResponse<byte[]> head = send(api(objectPath(key)).HEAD());
			assertStatus(get, 200);
			assertStatus(head, 200);
			assertThat(head.body()).isEmpty();
			assertThat(header(head, "Content-Length")).as(describe(head)).isEqualTo("777");
			assertThat(header(head, "ETag")).as(describe(head)).isEqualTo(etagOf(body)).isEqualTo(header(get, "ETag"));
			assertThat(header(head, "Content-Type")).as(describe(head)).isEqualTo(header(get, "Content-Type"));
			assertThat(header(head, "Last-Modified")).as(describe(head)).isEqualTo(header(get, "Last-Modified"));
		}

		@Test
		void headOfMissingKeyAnswers404WithoutBody() {
			HttpResponse<byte[]> head = send(api(objectPath(key("missing"))).HEAD());
			assertStatus(head, 404);
			assertThat(head.body()).isEmpty();
		}

	}

	/**
	 * DELETE of an object.
	 */
	@Nested
	class Deletes {

		@Test
		void deleteAnswers204AndRemovesObject() {
			String key = key("gone");
			create(key, bytes("short-lived"), "text/plain");
			HttpResponse<byte[]> response = delete(key);
			assertStatus(response, 204);
			assertThat(response.body()).isEmpty();
			assertProblem(get(key), 404, "not-found");
		}

		@Test
		void deleteOfMissingKeyAnswers404NotFound() {
			assertProblem(delete(key("never")), 404, "not-found");
		}

	}

	/**
	 * If-Match and If-None-Match on writes, reads and deletes: lost updates prevented,
	 * caches revalidated, one winner of a race.
	 */
	@Nested
	class ConditionalRequests {

		@Test
		void putWithIfNoneMatchStarCreatesMissingKey() {
			String key = key("createonly");
			byte[] body = bytes("created once");
			HttpResponse<byte[]> response = put(key, body, "text/plain", "If-None-Match", "*");
			assertStatus(response, 201);
			assertThat(header(response, "ETag")).isEqualTo(etagOf(body));
		}

		@Test
		void putWithIfNoneMatchStarOnExistingKeyAnswers412AndChangesNothing() {
			String key = key("exists");
			byte[] original = bytes("original");
			create(key, original, "text/plain");
			assertProblem(put(key, bytes("intruder"), "application/x-other", "If-None-Match", "*"), 412,
					"precondition-failed");
			HttpResponse<byte[]> get = get(key);
			assertStatus(get, 200);
			assertThat(get.body()).isEqualTo(original);
			assertThat(header(get, "Content-Type")).isEqualTo("text/plain");
			assertThat(header(get, "ETag")).isEqualTo(etagOf(original));
		}

		@Test
		void putWithCurrentIfMatchReplaces() {
			String key = key("ifmatch");
			byte[] original = bytes("v1");
			create(key, original, "text/plain");
			byte[] replacement = bytes("v2");
			HttpResponse<byte[]> response = put(key, replacement, "text/plain", "If-Match", etagOf(original));
			assertStatus(response, 200);
			assertThat(header(response, "ETag")).isEqualTo(etagOf(replacement));
			assertThat(get(key).body()).isEqualTo(replacement);
		}

		@Test
		void putWithStaleIfMatchAnswers412AndChangesNothing() {
			String key = key("stale");
			byte[] current = bytes("current");
			create(key, current, "text/plain");
			assertProblem(put(key, bytes("lost update"), "text/plain", "If-Match", etagOf(bytes("older"))), 412,
					"precondition-failed");
			HttpResponse<byte[]> get = get(key);
			assertStatus(get, 200);
			assertThat(get.body()).isEqualTo(current);
		}

		@Test
		void putWithIfMatchOnMissingKeyAnswers412AndCreatesNothing() {
			String key = key("ifmatchmissing");
			byte[] body = bytes("never stored");
			assertProblem(put(key, body, "text/plain", "If-Match", etagOf(body)), 412, "precondition-failed");
			assertProblem(get(key), 404, "not-found");
		}

		@Test
		void putWithMalformedIfMatchAnswers400InvalidHeaderAndChangesNothing() {
			String key = key("badifmatch");
			byte[] original = bytes("kept");
			create(key, original, "text/plain");
			assertProblem(put(key, bytes("changed"), "text/plain", "If-Match", "abc"), 400, "invalid-header");
			assertThat(get(key).body()).isEqualTo(original);
			assertProblem(put(key("badifmatch2"), bytes("x"), "text/plain", "If-Match", "abc"), 400, "invalid-header");
			assertProblem(get(key("badifmatch2")), 404, "not-found");
		}

		@Test
		void putWithMalformedIfNoneMatchAnswers400InvalidHeaderAndStoresNothing() {
			String key = key("badifnonematch");
			assertProblem(put(key, bytes("x"), "text/plain", "If-None-Match", "abc"), 400, "invalid-header");
			assertProblem(get(key), 404, "not-found");
		}

		@Test
		void concurrentCreateOnlyPutsOnOneKeyHaveExactlyOneWinner() throws Exception {
			String key = key("race");
			int writers = 64;
			List<HttpRequest> requests = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				requests.add(api(objectPath(key)).PUT(BodyPublishers.ofByteArray(bytes("writer " + i)))
					.header("Content-Type", "text/plain")
					.header("If-None-Match", "*")
					.build());
			}
			CountDownLatch ready = new CountDownLatch(writers);
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService executor = Executors.newFixedThreadPool(writers);
			List<HttpResponse<byte[]>> responses = new ArrayList<>();
			try {
				List<Future<HttpResponse<byte[]>>> futures = new ArrayList<>();
				for (HttpRequest request : requests) {
					futures.add(executor.submit(() -> {
						ready.countDown();
						if (!start.await(10, TimeUnit.SECONDS)) {
							throw new IllegalStateException("The writers were never started");
						}
						return send(request);
					}));
				}
				assertThat(ready.await(10, TimeUnit.SECONDS)).as("all writers ready").isTrue();
				start.countDown();
				for (Future<HttpResponse<byte[]>> future : futures) {
					responses.add(future.get(30, TimeUnit.SECONDS));
				}
			}
			finally {
				executor.shutdownNow();
			}
			List<Integer> winners = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				HttpResponse<byte[]> response = responses.get(i);
				if (response.statusCode() == 201) {
					winners.add(i);
				}
				else {
					assertProblem(response, 412, "precondition-failed");
				}
			}
			assertThat(winners).as("writers answered 201").hasSize(1);
			byte[] winnerBody = bytes("writer " + winners.get(0));
			assertThat(header(responses.get(winners.get(0)), "ETag")).isEqualTo(etagOf(winnerBody));
			HttpResponse<byte[]> get = get(key);
			assertStatus(get, 200);
			assertThat(get.body()).isEqualTo(winnerBody);
		}

		@Test
		void getWithCurrentEtagInIfNoneMatchAnswers304WithoutBody() {
			String key = key("fresh");
			byte[] body = bytes("cached");
			create(key, body, "text/plain");
			assertNotModified(get(key, "If-None-Match", etagOf(body)), etagOf(body));
		}

		@Test
		void getWithWeakFormOfCurrentEtagInIfNoneMatchAnswers304() {
			String key = key("weak");
			byte[] body = bytes("cached weakly");
			create(key, body, "text/plain");
			assertNotModified(get(key, "If-None-Match", "W/" + etagOf(body)), etagOf(body));
			assertNotModified(get(key, "If-None-Match", etagOf(bytes("other")) + ", W/" + etagOf(body)), etagOf(body));
		}

		@Test
		void getWithIfNoneMatchStarAnswers304() {
			String key = key("star");
			byte[] body = bytes("any");
			create(key, body, "text/plain");
			assertNotModified(get(key, "If-None-Match", "*"), etagOf(body));
		}

		@Test
		void getWithNonMatchingIfNoneMatchAnswers200() {
			String key = key("changed");
			byte[] body = bytes("new content");
			create(key, body, "text/plain");
			HttpResponse<byte[]> response = get(key, "If-None-Match", etagOf(bytes("old content")));
			assertStatus(response, 200);
			assertThat(response.body()).isEqualTo(body);
			assertThat(header(response, "ETag")).isEqualTo(etagOf(body));
		}

		@Test
		void deleteWithStaleIfMatchAnswers412AndKeepsObject() {
			String key = key("guarded");
			byte[] body = bytes("guarded");
			create(key, body, "text/plain");
			assertProblem(delete(key, "If-Match", etagOf(bytes("something else"))), 412, "precondition-failed");
			HttpResponse<byte[]> get = get(key);
			assertStatus(get, 200);
			assertThat(get.body()).isEqualTo(body);
		}

		@Test
		void deleteWithCurrentIfMatchAnswers204() {
			String key = key("checked");
			byte[] body = bytes("checked");
			create(key, body, "text/plain");
			assertStatus(delete(key, "If-Match", etagOf(body)), 204);
			assertProblem(get(key), 404, "not-found");
		}

		@Test
		void deleteWithMalformedIfMatchAnswers400InvalidHeaderAndKeepsObject() {
			String key = key("badguard");
			create(key, bytes("kept"), "text/plain");
			assertProblem(delete(key, "If-Match", "abc"), 400, "invalid-header");
			assertStatus(get(key), 200);
		}

	}

	/**
	 * The maximum object size, with and without Content-Length, and the store's byte
	 * budget.
	 */
	@Nested
	class Limits {

		@Test
		void putOfExactlyMaxObjectSizeIsAccepted() {
			String key = key("max");
			byte[] body = randomBytes(MAX_OBJECT_SIZE);
			HttpResponse<byte[]> response = put(key, body, "application/octet-stream");
			try {
				assertStatus(response, 201);
				assertThat(json(response).path("size").longValue()).isEqualTo(MAX_OBJECT_SIZE);
				HttpResponse<byte[]> get = get(key);
				assertStatus(get, 200);
				assertThat(get.body()).isEqualTo(body);
				assertThat(header(get, "ETag")).isEqualTo(etagOf(body));
			}
			finally {
				delete(key);
			}
		}

		@Test
		void putOfOneByteMoreThanMaxObjectSizeAnswers413AndStoresNothing() {
			String key = key("toolarge");
			HttpResponse<byte[]> response = put(key, randomBytes(MAX_OBJECT_SIZE + 1), "application/octet-stream");
			try {
				assertProblem(response, 413, "payload-too-large");
				assertProblem(get(key), 404, "not-found");
			}
			finally {
				delete(key);
			}
		}

		@Test
		void chunkedPutOfOneByteMoreThanMaxObjectSizeAnswers413AndStoresNothing() {
			String key = key("chunked");
			byte[] body = randomBytes(MAX_OBJECT_SIZE + 1);
			// A publisher of unknown length makes the client send the body chunked,
			// without
			// Content-Length, so the service has to count the bytes as they arrive.
			BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
			assertThat(chunked.contentLength()).isNegative();
			HttpResponse<byte[]> response = send(
					api(objectPath(key)).PUT(chunked).header("Content-Type", "application/octet-stream"));
			try {
				assertProblem(response, 413, "payload-too-large");
				assertProblem(get(key), 404, "not-found");
			}
			finally {
				delete(key);
			}
		}

		@Test
		void chunkedPutWithinMaxObjectSizeIsAccepted() {
			String key = key("chunkedok");
			byte[] body = randomBytes(100_000);
			HttpResponse<byte[]> response = send(
					api(objectPath(key)).PUT(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
						.header("Content-Type", "application/octet-stream"));
			assertStatus(response, 201);
			assertThat(json(response).path("size").longValue()).isEqualTo(body.length);
			HttpResponse<byte[]> get = get(key);
			assertStatus(get, 200);
			assertThat(get.body()).isEqualTo(body);
		}

		@Test
		void writeBeyondTheByteBudgetAnswers507AndStoresNothing() {
			byte[] mebibyte = randomBytes(MAX_OBJECT_SIZE);
			List<String> stored = new ArrayList<>();
			List<Integer> deletions = new ArrayList<>();
			try {
				HttpResponse<byte[]> refused = null;
				String refusedKey = null;
				for (int i = 0; i < STORAGE_FULL_ATTEMPTS && refused == null; i++) {
					String key = key("fill" + i);
					HttpResponse<byte[]> response = put(key, mebibyte, "application/octet-stream");
					if (response.statusCode() == 507) {
						refused = response;
						refusedKey = key;
					}
					else {
						assertStatus(response, 201);
						stored.add(key);
					}
				}
				if (refused == null) {
					fail("The store took " + STORAGE_FULL_ATTEMPTS + " MiB and never answered 507; "
							+ "the services run this suite with storage.max-bytes=16MB");
				}
				assertProblem(refused, 507, "storage-full");
				assertProblem(get(refusedKey), 404, "not-found");
			}
			finally {
				for (String key : stored) {
					deletions.add(delete(key).statusCode());
				}
			}
			assertThat(deletions).as("deleting the objects that filled the store").containsOnly(204);
			String again = key("again");
			assertStatus(put(again, mebibyte, "application/octet-stream"), 201);
			assertStatus(delete(again), 204);
		}

	}

	/**
	 * Listing in key order, a page at a time, and the parameters it refuses.
	 */
	@Nested
	class Listing {

		@Test
		void listingPagesThroughKeysInAscendingOrder() {
			Map<String, byte[]> bodies = new LinkedHashMap<>();
			Map<String, String> contentTypes = new LinkedHashMap<>();
			List<Integer> order = new ArrayList<>();
			for (int i = 0; i < 25; i++) {
				order.add(i);
			}
			Collections.shuffle(order);
			for (int i : order) {
				String key = key(String.format("item%02d", i));
				byte[] body = randomBytes(i * 7);
				String contentType = "application/x-item" + (i % 3);
				create(key, body, contentType);
				bodies.put(key, body);
				contentTypes.put(key, contentType);
			}
			List<String> expectedKeys = bodies.keySet().stream().sorted().toList();

			JsonNode first = listPage("prefix=" + prefix + "&limit=10");
			JsonNode second = listPage("prefix=" + prefix + "&limit=10&cursor=" + cursor(first));
			JsonNode third = listPage("prefix=" + prefix + "&limit=10&cursor=" + cursor(second));
			assertThat(first.path("items").size()).isEqualTo(10);
			assertThat(second.path("items").size()).isEqualTo(10);
			assertThat(third.path("items").size()).isEqualTo(5);
			assertThat(third.path("nextCursor").isNull()).as(third.toString()).isTrue();

			List<String> listed = new ArrayList<>();
			for (JsonNode page : List.of(first, second, third)) {
				for (JsonNode item : page.path("items")) {
					String key = item.path("key").stringValue();
					listed.add(key);
					assertThat(item.propertyNames()).as(item.toString())
						.containsExactlyInAnyOrder("key", "size", "contentType", "etag", "modified");
					assertThat(bodies).as("listed key %s", key).containsKey(key);
					assertThat(item.path("size").longValue()).as(item.toString()).isEqualTo(bodies.get(key).length);
					assertThat(item.path("etag").stringValue()).as(item.toString()).isEqualTo(etagOf(bodies.get(key)));
					assertThat(item.path("contentType").stringValue()).as(item.toString())
						.isEqualTo(contentTypes.get(key));
					instant(item, "modified");
				}
			}
			assertThat(listed).containsExactlyElementsOf(expectedKeys);
		}

		@Test
		void listingPageThatIsExactlyFullAtTheEndHasNullNextCursor() {
			List<String> keys = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				String key = key("full" + i);
				create(key, bytes("x" + i), "text/plain");
				keys.add(key);
			}
			JsonNode whole = listPage("prefix=" + prefix + "&limit=10");
			assertThat(keysOf(whole)).containsExactlyElementsOf(keys);
			assertThat(whole.path("nextCursor").isNull()).as(whole.toString()).isTrue();
			JsonNode firstHalf = listPage("prefix=" + prefix + "&limit=5");
			JsonNode secondHalf = listPage("prefix=" + prefix + "&limit=5&cursor=" + cursor(firstHalf));
			assertThat(keysOf(firstHalf)).containsExactlyElementsOf(keys.subList(0, 5));
			assertThat(keysOf(secondHalf)).containsExactlyElementsOf(keys.subList(5, 10));
			assertThat(secondHalf.path("nextCursor").isNull()).as(secondHalf.toString()).isTrue();
		}

		@Test
		void listingLimitDefaultsTo100() {
			for (int i = 0; i < 101; i++) {
				create(key(String.format("many%03d", i)), new byte[0], "text/plain");
			}
			JsonNode first = listPage("prefix=" + prefix);
			assertThat(first.path("items").size()).isEqualTo(100);
			JsonNode second = listPage("prefix=" + prefix + "&cursor=" + cursor(first));
			assertThat(keysOf(second)).containsExactly(key("many100"));
			assertThat(second.path("nextCursor").isNull()).isTrue();
		}

		@Test
		void listingAcceptsLimitsFrom1To1000() {
			create(key("a"), bytes("a"), "text/plain");
			create(key("b"), bytes("b"), "text/plain");
			JsonNode one = listPage("prefix=" + prefix + "&limit=1");
			assertThat(keysOf(one)).containsExactly(key("a"));
			JsonNode rest = listPage("prefix=" + prefix + "&limit=1000&cursor=" + cursor(one));
			assertThat(keysOf(rest)).containsExactly(key("b"));
			assertThat(rest.path("nextCursor").isNull()).isTrue();
		}

		@Test
		void listingOfUnusedPrefixIsEmpty() {
			JsonNode page = listPage("prefix=" + prefix);
			assertThat(page.path("items").isArray()).isTrue();
			assertThat(page.path("items").size()).isZero();
			assertThat(page.path("nextCursor").isNull()).isTrue();
		}

		@ParameterizedTest(name = "limit={0}")
		@ValueSource(strings = { "0", "1001", "abc", "", "-1", "10.5", "99999" })
		void listingWithLimitOutsideOneTo1000Answers400InvalidParameter(String limit) {
			assertProblem(list("prefix=" + prefix + "&limit=" + limit), 400, "invalid-parameter");
		}

		@ParameterizedTest(name = "cursor={0}")
		@ValueSource(strings = { "!!!", "Zm9v", "djE6LWJhZA" })
		void listingWithCursorItNeverHandedOutAnswers400InvalidParameter(String cursor) {
			assertProblem(list("prefix=" + prefix + "&cursor=" + cursor), 400, "invalid-parameter");
		}

		@Test
		void listingWithPrefixOutsideTheKeyAlphabetAnswers400InvalidParameter() {
			assertProblem(list("prefix=a%2Fb"), 400, "invalid-parameter");
			assertProblem(list("prefix=a%20b"), 400, "invalid-parameter");
			assertProblem(list("prefix=" + "a".repeat(257)), 400, "invalid-parameter");
		}

	}

	/**
	 * What a framework refuses before the API code runs (unknown paths and methods,
	 * unacceptable media types) is answered as the API's own problems.
	 */
	@Nested
	class Refusals {

		@Test
		void postToObjectAnswers405WithAllow() {
			HttpResponse<byte[]> response = send(api(objectPath(key("post"))).POST(BodyPublishers.ofString("x"))
				.header("Content-Type", "text/plain"));
			assertProblem(response, 405, "method-not-allowed");
			assertThat(listHeader(response, "Allow")).as(describe(response)).contains("GET", "HEAD", "PUT", "DELETE");
			assertProblem(get(key("post")), 404, "not-found");
		}

		@Test
		void patchOfObjectAnswers405WithAllow() {
			String key = key("patch");
			create(key, bytes("unpatched"), "text/plain");
			HttpResponse<byte[]> response = send(api(objectPath(key)).method("PATCH", BodyPublishers.ofString("x"))
				.header("Content-Type", "text/plain"));
			assertProblem(response, 405, "method-not-allowed");
			assertThat(listHeader(response, "Allow")).as(describe(response)).contains("GET", "HEAD", "PUT", "DELETE");
			assertThat(get(key).body()).isEqualTo(bytes("unpatched"));
		}

		@Test
		void deleteOfCollectionAnswers405WithAllow() {
			HttpResponse<byte[]> response = send(api(OBJECTS).DELETE());
			assertProblem(response, 405, "method-not-allowed");
			assertThat(listHeader(response, "Allow")).as(describe(response)).contains("GET");
		}

		@Test
		void unknownPathAnswers404NotFound() {
			assertProblem(send(api("/api/v1/nope").GET()), 404, "not-found");
		}

		@Test
		void listingThatAcceptsOnlyTextAnswers406NotAcceptable() {
			HttpResponse<byte[]> response = send(
					api(OBJECTS + "?prefix=" + prefix).GET().header("Accept", "text/plain"));
			assertProblem(response, 406, "not-acceptable");
		}

	}

	/**
	 * What the service says about itself: /api/v1/info and the OpenAPI document.
	 */
	@Nested
	class ServiceDescription {

		@Test
		void infoDescribesServiceModelRuntimeAndLimits() {
			HttpResponse<byte[]> response = send(api("/api/v1/info").GET());
			assertStatus(response, 200);
			JsonNode info = json(response);
			assertThat(text(info, "service")).isNotBlank();
			assertThat(text(info, "model")).isEqualTo(service.model());
			JsonNode transport = info.path("transport");
			assertThat(text(transport, "name")).as(info.toString()).isEqualTo(service.transport());
			assertThat(text(transport, "mechanism")).as(info.toString()).isNotBlank();
			assertThat(text(transport, "pattern")).as(info.toString()).isIn("reactor", "proactor");
			// The class the running server uses, recorded once it started: a Java class
			// name.
			assertThat(text(transport, "observed")).as(info.toString()).matches("[a-z][\\w.]*\\.[A-Z]\\w*");
			assertThat(text(info, "java")).isNotBlank().isEqualTo(Runtime.version().toString());
			JsonNode jvm = info.path("jvm");
			assertThat(jvm.propertyNames()).as(info.toString())
				.containsExactlyInAnyOrder("maxHeapBytes", "garbageCollectors", "availableProcessors");
			assertThat(jvm.path("maxHeapBytes").longValue()).as(info.toString()).isPositive();
			assertThat(jvm.path("availableProcessors").intValue()).as(info.toString()).isPositive();
			assertThat(jvm.path("garbageCollectors").isArray()).as(info.toString()).isTrue();
			assertThat(jvm.path("garbageCollectors").size()).as(info.toString()).isPositive();
			assertThat(text(info, "backend")).isEqualTo(service.backend());
			assertThat(info.path("backendSettings").isObject()).as(info.toString()).isTrue();
			assertThat(info.path("backendSettings").propertyNames()).as(info.toString())
				.containsExactlyInAnyOrderElementsOf(service.backendSettings());
			assertThat(text(info, "emulatedLatency")).isEqualTo("PT0S");
			assertThat(text(info, "emulatedLatencyJitter")).isEqualTo("PT0S");
			JsonNode limits = info.path("limits");
			assertThat(limits.isObject()).as(info.toString()).isTrue();
			assertThat(limits.path("maxObjectSize").isIntegralNumber()).as(info.toString()).isTrue();
			assertThat(limits.path("maxObjectSize").longValue()).isEqualTo(MAX_OBJECT_SIZE);
			assertThat(limits.path("maxObjects").isIntegralNumber()).as(info.toString()).isTrue();
			assertThat(limits.path("maxObjects").longValue()).isPositive();
			assertThat(limits.path("maxBytes").isIntegralNumber()).as(info.toString()).isTrue();
			// The value the suite runs the service with, not the default: info reports
			// the
			// settings in effect.
			assertThat(limits.path("maxBytes").longValue()).as(info.toString()).isEqualTo(16L * 1024 * 1024);
			JsonNode server = info.path("server");
			assertThat(server.isObject()).as(info.toString()).isTrue();
			// Every iomodels.server.* setting of the fairness table, and the storage
			// timeout
			// and write token that stand beside them there.
			assertThat(server.propertyNames()).as(info.toString())
				.containsExactlyInAnyOrder("transport", "maxConnections", "acceptBacklog", "keepAliveTimeout",
						"maxKeepAliveRequests", "maxRequestHeaderSize", "connectionTimeout", "requestTimeout",
						"requestHeadTimeout", "responseWriteTimeout", "maxConcurrentRequests",
						"maxBufferedRequestBytes", "storageOperationTimeout", "writesNeedToken", "workers",
						"workerThreads");
			assertThat(text(server, "transport")).isEqualTo(service.transport());
			assertThat(server.path("maxConnections").longValue()).as(info.toString()).isPositive();
			assertThat(server.path("acceptBacklog").longValue()).as(info.toString()).isPositive();
			assertThat(Duration.parse(text(server, "keepAliveTimeout"))).isPositive();
			assertThat(Duration.parse(text(server, "connectionTimeout"))).isPositive();
			assertThat(Duration.parse(text(server, "requestTimeout"))).isNotEqualTo(Duration.ZERO);
			assertThat(Duration.parse(text(server, "requestHeadTimeout"))).isPositive();
			assertThat(Duration.parse(text(server, "responseWriteTimeout"))).isPositive();
			assertThat(Duration.parse(text(server, "storageOperationTimeout"))).isPositive();
			assertThat(server.path("maxKeepAliveRequests").isIntegralNumber()).as(info.toString()).isTrue();
			assertThat(server.path("maxConcurrentRequests").isIntegralNumber()).as(info.toString()).isTrue();
			assertThat(server.path("maxBufferedRequestBytes").isIntegralNumber()).as(info.toString()).isTrue();
			assertThat(server.path("maxRequestHeaderSize").longValue()).as(info.toString()).isPositive();
			assertThat(server.path("writesNeedToken").isBoolean()).as(info.toString()).isTrue();
			assertThat(server.path("writesNeedToken").booleanValue()).as(info.toString()).isFalse();
			assertThat(text(server, "workers")).isNotBlank();
			assertThat(server.path("workerThreads").longValue()).as(info.toString()).isPositive();
		}

		@Test
		void openApiDocumentIsServedAsYaml() {
			HttpResponse<byte[]> response = send(api("/api/v1/openapi.yaml").GET());
			assertStatus(response, 200);
			assertThat(header(response, "Content-Type")).as(describe(response)).startsWith("application/yaml");
			String document = new String(response.body(), StandardCharsets.UTF_8);
			assertThat(document).startsWith("openapi: 3.1").contains("/api/v1/objects/{key}");
			// Byte for byte the document shared-domain ships, which OpenApiDocumentTests
			// checks.
			assertThat(response.body()).as("the served document is shared-domain's")
				.isEqualTo(classpathResource("openapi/storage-api-v1.yaml"));
		}

	}

	/**
	 * How connections are kept.
	 */
	@Nested
	class Connections {

		/**
		 * An HTTP/1.0 client that asks to keep its connection (ApacheBench's
		 * {@code ab -k}) is told it is kept, as Tomcat tells it
		 * ({@code Connection: keep-alive} and {@code Keep-Alive: timeout=...}), and is
		 * served its next request on it: RFC 9112 §9.3 lets a server keep such a
		 * connection, and all three do.
		 */
		@Test
		void http10RequestAskingForKeepAliveIsToldSoAndServedAgainOnTheSameConnection() throws IOException {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(server.api().getHost(), server.api().getPort()),
						(int) ContractHttp.CONNECT_TIMEOUT.toMillis());
				socket.setSoTimeout((int) ContractHttp.REQUEST_TIMEOUT.toMillis());
				InputStream in = socket.getInputStream();
				for (int i = 1; i <= 2; i++) {
					socket.getOutputStream()
						.write("GET /api/v1/info HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
							.getBytes(StandardCharsets.US_ASCII));
					String head = readHead(in).toLowerCase(Locale.ROOT);
					assertThat(head).as("answer %d", i).matches("(?s)http/1\\.[01] 200.*");
					assertThat(head).as("answer %d", i).contains("\r\nconnection: keep-alive\r\n");
					assertThat(head).as("answer %d", i).containsPattern("\r\nkeep-alive: timeout=[0-9]+\r\n");
					Matcher length = Pattern.compile("\r\ncontent-length: ([0-9]+)\r\n").matcher(head);
					assertThat(length.find()).as("answer %d has a Content-Length: %s", i, head).isTrue();
					assertThat(in.readNBytes(Integer.parseInt(length.group(1))))
						.hasSize(Integer.parseInt(length.group(1)));
				}
			}
		}

		private static String readHead(InputStream in) throws IOException {
			StringBuilder head = new StringBuilder();
			while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
				int b = in.read();
				if (b == -1) {
					throw new EOFException("The connection closed within a response head: " + head);
				}
				head.append((char) b);
			}
			return head.toString();
		}

	}

	/**
	 * The actuator endpoints, on the management port only.
	 */
	@Nested
	class Management {

		@Test
		void livenessAndReadinessAreUpOnTheManagementPort() {
			for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
				HttpResponse<byte[]> response = send(management(probe).GET());
				assertStatus(response, 200);
				assertThat(json(response, false).path("status").stringValue()).as(describe(response)).isEqualTo("UP");
			}
		}

		@Test
		void prometheusMetricsAreServedOnTheManagementPort() {
			HttpResponse<byte[]> response = send(management("/actuator/prometheus").GET());
			assertStatus(response, 200);
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("jvm_");
		}

		@Test
		void apiPortDoesNotServeActuator() {
			assertProblem(send(api("/actuator/health").GET()), 404, "not-found");
		}

		@Test
		void managementPortExposesNothingButHealthInfoAndPrometheus() {
			for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump",
					"/actuator/threaddump", "/actuator/loggers", "/actuator/configprops", "/actuator/mappings",
					"/actuator/metrics", "/actuator/shutdown", "/actuator/conditions", "/actuator/scheduledtasks")) {
				assertStatus(send(management(hidden).GET()), 404);
			}
			assertStatus(send(management("/actuator/shutdown").POST(BodyPublishers.noBody())), 404);
			HttpResponse<byte[]> index = send(management("/actuator").GET());
			assertStatus(index, 200);
			assertThat(json(index, false).path("_links").propertyNames()).as(describe(index))
				.containsExactlyInAnyOrder("self", "health", "health-path", "info", "prometheus");
		}

	}

	/**
	 * What only the service's web stack can tell: which connector or channel serves the
	 * API, and with which settings. The checks are data of the {@link ServiceUnderTest}
	 * ({@code dev.iomodels.contract.tomcat}, {@code dev.iomodels.contract.netty}), one
	 * test each; a service that runs outside the test JVM has none.
	 */
	@Nested
	class ApiServer {

		@TestFactory
		Stream<DynamicTest> runsAsItsWebStackPromises() {
			return service.serverChecks()
				.stream()
				.map((check) -> DynamicTest.dynamicTest(check.name(), () -> verify(check)));
		}

		private void verify(ServerCheck check) throws Throwable {
			try {
				check.check().accept(server);
			}
			catch (AssertionError ex) {
				// A report may name the test by its index alone: say which check failed.
				throw new AssertionError(check.name() + ": " + ex.getMessage(), ex);
			}
		}

	}

	// Requests and responses

	/**
	 * Assert that a response is the API's RFC 9457 problem for a refusal.
	 * @param response the response
	 * @param status the expected HTTP status
	 * @param slug the expected problem type's slug, e.g. {@code not-found}
	 * @return the problem
	 */
	static JsonNode assertProblem(HttpResponse<byte[]> response, int status, String slug) {
		ProblemType type = Arrays.stream(ProblemType.values())
			.filter((candidate) -> candidate.slug().equals(slug))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No problem type " + slug));
		assertThat(type.status()).as("status of %s", slug).isEqualTo(status);
		String description = describe(response);
		assertThat(response.statusCode()).as(description).isEqualTo(status);
		assertThat(header(response, "Content-Type")).as(description).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.isObject()).as(description).isTrue();
		assertThat(problem.path("type").stringValue()).as(description).isEqualTo(PROBLEM_TYPE_PREFIX + slug);
		assertThat(problem.path("title").stringValue()).as(description).isEqualTo(type.title());
		assertThat(problem.path("status").isIntegralNumber()).as(description).isTrue();
		assertThat(problem.path("status").intValue()).as(description).isEqualTo(status);
		assertThat(problem.path("detail").stringValue()).as(description).isNotBlank();
		assertThat(problem.path("instance").stringValue()).as(description)
			.isEqualTo(response.request().uri().getRawPath());
		return problem;
	}

	private String key(String name) {
		return this.prefix + name;
	}

	private String longKey(int length) {
		return this.prefix + "k".repeat(length - this.prefix.length());
	}

	private static String objectPath(String rawKey) {
		return OBJECTS + "/" + rawKey;
	}

	private HttpRequest.Builder api(String rawPathAndQuery) {
		return ContractHttp.request(this.server.api(), rawPathAndQuery);
	}

	private HttpRequest.Builder management(String rawPathAndQuery) {
		return ContractHttp.request(this.server.management(), rawPathAndQuery);
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) {
		return send(request.build());
	}

	private HttpResponse<byte[]> send(HttpRequest request) {
		HttpResponse<byte[]> response = ContractHttp.send(request);
		this.answers.add(response);
		return response;
	}

	private HttpResponse<byte[]> put(String rawKey, byte[] body, String contentType, String... headers) {
		HttpRequest.Builder request = withHeaders(api(objectPath(rawKey)).PUT(BodyPublishers.ofByteArray(body)),
				headers);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request);
	}

	private HttpResponse<byte[]> get(String rawKey, String... headers) {
		return send(withHeaders(api(objectPath(rawKey)).GET(), headers));
	}

	private HttpResponse<byte[]> delete(String rawKey, String... headers) {
		return send(withHeaders(api(objectPath(rawKey)).DELETE(), headers));
	}

	private HttpResponse<byte[]> list(String rawQuery) {
		return send(api(OBJECTS + "?" + rawQuery).GET());
	}

	private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return request;
	}

	/**
	 * Create an object under a new key and return its metadata.
	 */
	private JsonNode create(String key, byte[] body, String contentType) {
		HttpResponse<byte[]> response = put(key, body, contentType);
		assertStatus(response, 201);
		return json(response);
	}

	private JsonNode listPage(String rawQuery) {
		HttpResponse<byte[]> response = list(rawQuery);
		assertStatus(response, 200);
		JsonNode page = json(response);
		assertThat(page.propertyNames()).as(describe(response)).containsExactlyInAnyOrder("items", "nextCursor");
		assertThat(page.path("items").isArray()).as(describe(response)).isTrue();
		JsonNode nextCursor = page.path("nextCursor");
		assertThat(nextCursor.isNull() || (nextCursor.isString() && !nextCursor.stringValue().isBlank()))
			.as("nextCursor is a string or null: %s", describe(response))
			.isTrue();
		return page;
	}

	private static String cursor(JsonNode page) {
		JsonNode cursor = page.path("nextCursor");
		assertThat(cursor.isString()).as("a next cursor in %s", page).isTrue();
		return URLEncoder.encode(cursor.stringValue(), StandardCharsets.UTF_8);
	}

	private static List<String> keysOf(JsonNode page) {
		List<String> keys = new ArrayList<>();
		for (JsonNode item : page.path("items")) {
			keys.add(item.path("key").stringValue());
		}
		return keys;
	}

	private static void assertStatus(HttpResponse<byte[]> response, int status) {
		assertThat(response.statusCode()).as(describe(response)).isEqualTo(status);
	}

	private static void assertNotModified(HttpResponse<byte[]> response, String etag) {
		assertStatus(response, 304);
		assertThat(response.body()).as(describe(response)).isEmpty();
		assertThat(header(response, "ETag")).as(describe(response)).isEqualTo(etag);
	}

	private static JsonNode json(HttpResponse<byte[]> response) {
		return json(response, true);
	}

	private static JsonNode json(HttpResponse<byte[]> response, boolean applicationJson) {
		if (applicationJson) {
			assertThat(header(response, "Content-Type")).as(describe(response)).startsWith("application/json");
		}
		return JSON.readTree(response.body());
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		assertThat(value.isString()).as("%s is a string in %s", field, node).isTrue();
		return value.stringValue();
	}

	private static Instant instant(JsonNode node, String field) {
		return Instant.parse(text(node, field));
	}

	private static Instant lastModified(HttpResponse<byte[]> response) {
		String value = header(response, "Last-Modified");
		assertThat(value).as(describe(response)).isNotNull();
		return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
	}

	private static byte[] classpathResource(String location) {
		try (InputStream in = StorageApiContractTests.class.getClassLoader().getResourceAsStream(location)) {
			assertThat(in).as("%s on the classpath", location).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
