package dev.iomodels.node;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.latency.EmulatedLatency;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storage node over real HTTP: its protocol, its refusals, its latency and deadline,
 * and its metrics.
 */
class StorageNodeTests {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	@Nested
	@TestInstance(Lifecycle.PER_CLASS)
	class WithoutLatency {

		private StorageNode.Running node;

		@BeforeAll
		void start() {
			this.node = StorageNode.start(NodeSettings.loopback().withLimits(new StorageLimits(1024, 100, 4096)));
		}

		@AfterAll
		void stop() {
			this.node.close();
		}

		@Test
		void putThenGetAnswersTheBytesWithTheirMetadata() throws Exception {
			HttpResponse<String> put = send(request(this.node, "/objects/greeting").header("Content-Type", "text/plain")
				.PUT(BodyPublishers.ofString("hello, world")));
			assertThat(put.statusCode()).isEqualTo(201);
			JsonNode metadata = json.readTree(put.body());
			assertThat(metadata.path("key").asString()).isEqualTo("greeting");
			assertThat(metadata.path("size").asLong()).isEqualTo(12);
			assertThat(metadata.path("contentType").asString()).isEqualTo("text/plain");
			assertThat(put.headers().firstValue(NodeProtocol.OBJECTS)).contains("1");
			assertThat(put.headers().firstValue(NodeProtocol.BYTES)).contains("12");

			HttpResponse<String> get = send(request(this.node, "/objects/greeting").GET());
			assertThat(get.statusCode()).isEqualTo(200);
			assertThat(get.body()).isEqualTo("hello, world");
			assertThat(get.headers().firstValue("Content-Type")).contains("text/plain");
			assertThat(get.headers().firstValue("ETag")).contains(metadata.path("etag").asString());
			assertThat(get.headers().firstValue(NodeProtocol.CREATED)).contains(metadata.path("created").asString());
			assertThat(get.headers().firstValue(NodeProtocol.MODIFIED)).contains(metadata.path("modified").asString());

			HttpResponse<String> replaced = send(
					request(this.node, "/objects/greeting").header("Content-Type", "text/plain")
						.PUT(BodyPublishers.ofString("hello again")));
			assertThat(replaced.statusCode()).isEqualTo(200);
			assertThat(send(request(this.node, "/objects/greeting").DELETE()).statusCode()).isEqualTo(204);
			assertProblem(send(request(this.node, "/objects/greeting").GET()), 404, "not-found");
		}

		@Test
		void conditionalWritesAreCheckedAgainstTheCurrentObject() throws Exception {
			HttpResponse<String> created = send(request(this.node, "/objects/conditional").header("If-None-Match", "*")
				.PUT(BodyPublishers.ofString("one")));
			assertThat(created.statusCode()).isEqualTo(201);
			String etag = json.readTree(created.body()).path("etag").asString();
			assertProblem(send(request(this.node, "/objects/conditional").header("If-None-Match", "*")
				.PUT(BodyPublishers.ofString("two"))), 412, "precondition-failed");
			assertProblem(send(request(this.node, "/objects/conditional").header("If-Match", "\"other\"")
				.PUT(BodyPublishers.ofString("two"))), 412, "precondition-failed");
			assertThat(send(request(this.node, "/objects/conditional").header("If-Match", etag)
				.PUT(BodyPublishers.ofString("two"))).statusCode()).isEqualTo(200);
			assertProblem(send(request(this.node, "/objects/conditional").header("If-Match", etag).DELETE()), 412,
					"precondition-failed");
			assertThat(send(request(this.node, "/objects/conditional").GET()).body()).isEqualTo("two");
			assertThat(send(request(this.node, "/objects/conditional").DELETE()).statusCode()).isEqualTo(204);
		}

		@Test
		void listsInKeyOrderAPageAtATime() throws Exception {
			for (String key : new String[] { "list-c", "list-a", "list-b", "other" }) {
				assertThat(send(request(this.node, "/objects/" + key).PUT(BodyPublishers.ofString(key))).statusCode())
					.isEqualTo(201);
			}
			JsonNode first = json.readTree(send(request(this.node, "/objects?prefix=list-&limit=2").GET()).body());
			assertThat(first.path("items").valueStream().map((item) -> item.path("key").asString()))
				.containsExactly("list-a", "list-b");
			assertThat(first.path("nextCursor").isString()).isTrue();
			JsonNode rest = json.readTree(send(request(this.node, "/objects?prefix=list-&after=list-b").GET()).body());
			assertThat(rest.path("items").valueStream().map((item) -> item.path("key").asString()))
				.containsExactly("list-c");
			assertThat(rest.path("nextCursor").isNull()).isTrue();
			for (String key : new String[] { "list-c", "list-a", "list-b", "other" }) {
				send(request(this.node, "/objects/" + key).DELETE());
			}
		}

		@Test
		void aBadRequestGetsAProblemThatSaysWhatIsWrong() throws Exception {
			assertProblem(send(request(this.node, "/objects/.hidden").GET()), 400, "invalid-key");
			assertProblem(send(request(this.node, "/objects?limit=0").GET()), 400, "invalid-parameter");
			assertProblem(send(request(this.node, "/objects?cursor=x").GET()), 400, "invalid-parameter");
			assertProblem(send(request(this.node, "/objects/k").header("If-Match", "nope").DELETE()), 400,
					"invalid-header");
			assertProblem(send(request(this.node, "/objects/k").header(NodeProtocol.DEADLINE, "soon").GET()), 400,
					"invalid-header");
			assertProblem(send(request(this.node, "/objects/k").header("Content-Type", "not a type")
				.PUT(BodyPublishers.ofString("x"))), 400, "invalid-header");
			assertProblem(send(request(this.node, "/objects").POST(BodyPublishers.noBody())), 405,
					"method-not-allowed");
			HttpResponse<String> unknown = send(request(this.node, "/nothing-here").GET());
			assertProblem(unknown, 404, "not-found");
			assertThat(json.readTree(unknown.body()).path("detail").asString()).contains("/objects/{key}");
		}

		@Test
		void refusesWhatTheLimitsDoNotAllow() throws Exception {
			assertProblem(send(request(this.node, "/objects/big").PUT(BodyPublishers.ofByteArray(new byte[1025]))), 413,
					"payload-too-large");
			for (int i = 0; i < 4; i++) {
				assertThat(
						send(request(this.node, "/objects/full-" + i).PUT(BodyPublishers.ofByteArray(new byte[1024])))
							.statusCode())
					.isEqualTo(201);
			}
			assertProblem(send(request(this.node, "/objects/full-4").PUT(BodyPublishers.ofByteArray(new byte[1]))), 507,
					"storage-full");
			for (int i = 0; i < 4; i++) {
				send(request(this.node, "/objects/full-" + i).DELETE());
			}
			assertProblem(send(request(this.node, "/objects/full-0").GET()), 404, "not-found");
		}

		@Test
		void statsAndMetricsTellHowFullTheNodeIsAndHowItAnswers() throws Exception {
			send(request(this.node, "/objects/counted").PUT(BodyPublishers.ofString("12345")));
			JsonNode stats = json.readTree(send(request(this.node, "/stats").GET()).body());
			assertThat(stats.path("objects").asLong()).isEqualTo(1);
			assertThat(stats.path("bytes").asLong()).isEqualTo(5);
			assertThat(stats.path("maxBytes").asLong()).isEqualTo(4096);
			assertThat(stats.path("latency").asString()).isEqualTo("PT0S");
			String metrics = send(request(this.node, "/metrics").GET()).body();
			assertThat(metrics).contains("storage_node_requests_in_flight{application=\"storage-node\"}")
				.contains(
						"storage_node_requests_seconds_count{application=\"storage-node\",operation=\"put\",status=\"201\"}")
				.contains("storage_node_objects{application=\"storage-node\"} 1.0");
			send(request(this.node, "/objects/counted").DELETE());
		}

	}

	@Nested
	@TestInstance(Lifecycle.PER_CLASS)
	class WithLatency {

		private static final Duration LATENCY = Duration.ofMillis(300);

		private StorageNode.Running node;

		@BeforeAll
		void start() {
			this.node = StorageNode
				.start(NodeSettings.loopback().withLatency(new EmulatedLatency(LATENCY, Duration.ZERO)));
		}

		@AfterAll
		void stop() {
			this.node.close();
		}

		@Test
		void answersAfterItsLatencyAndHoldsManyRequestsAtOnce() {
			long start = System.nanoTime();
			var answers = IntStream.range(0, 200)
				.mapToObj((i) -> client.sendAsync(
						request(this.node, "/objects/many-" + i).PUT(BodyPublishers.ofString("x")).build(),
						BodyHandlers.ofString()))
				.toList();
			CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(answers).allSatisfy((answer) -> assertThat(answer.join().statusCode()).isEqualTo(201));
			// 200 requests waited at once on the event loop's timers, not one after
			// another.
			assertThat(took).isGreaterThanOrEqualTo(LATENCY).isLessThan(LATENCY.multipliedBy(10));
		}

	}

	@Nested
	@TestInstance(Lifecycle.PER_CLASS)
	class WithLatencyFarBeyondTheDeadline {

		// Long beside the deadline, so that "answered at the deadline, not after the
		// latency" holds with a wide margin on a loaded machine.
		private static final Duration LATENCY = Duration.ofSeconds(5);

		private StorageNode.Running node;

		@BeforeAll
		void start() {
			this.node = StorageNode
				.start(NodeSettings.loopback().withLatency(new EmulatedLatency(LATENCY, Duration.ZERO)));
		}

		@AfterAll
		void stop() {
			this.node.close();
		}

		@Test
		void aDeadlineShorterThanTheLatencyIsAnswered504AndNothingIsWritten() throws Exception {
			long start = System.nanoTime();
			HttpResponse<String> refused = send(request(this.node, "/objects/late").header(NodeProtocol.DEADLINE, "100")
				.PUT(BodyPublishers.ofString("late")));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertProblem(refused, 504, "storage-timeout");
			assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(100)).isLessThan(LATENCY.dividedBy(2));
			assertProblem(send(request(this.node, "/objects/late").header(NodeProtocol.DEADLINE, "20000").GET()), 404,
					"not-found");
		}

	}

	private static HttpRequest.Builder request(StorageNode.Running node, String path) {
		return HttpRequest.newBuilder(URI.create(node.url() + path)).timeout(Duration.ofSeconds(10));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static void assertProblem(HttpResponse<String> response, int status, String slug) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).contains(NodeProtocol.PROBLEM_JSON);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("urn:io-models:problem:" + slug);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).isNotBlank();
	}

}
