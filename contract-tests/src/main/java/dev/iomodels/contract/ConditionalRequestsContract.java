package dev.iomodels.contract;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static dev.iomodels.contract.ApiAssertions.assertProblem;
import static dev.iomodels.contract.ApiAssertions.assertStatus;
import static dev.iomodels.contract.ApiAssertions.bytes;
import static dev.iomodels.contract.ApiAssertions.text;
import static dev.iomodels.contract.ContractClient.objectPath;
import static dev.iomodels.contract.ContractHttp.describe;
import static dev.iomodels.contract.ContractHttp.etagOf;
import static dev.iomodels.contract.ContractHttp.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * If-Match and If-None-Match on writes, reads and deletes: lost updates prevented, caches
 * revalidated, one winner of a race.
 * <p>
 * A section of {@link StorageApiContractTests}, run by it as its {@code @Nested} class
 * {@code ConditionalRequests}.
 */
abstract class ConditionalRequestsContract {

	/** The test's client of the service. */
	private final ContractClient client;

	ConditionalRequestsContract(ContractClient client) {
		this.client = client;
	}

	@Test
	void putWithIfNoneMatchStarCreatesMissingKey() {
		String key = this.client.key("createonly");
		byte[] body = bytes("created once");
		HttpResponse<byte[]> response = this.client.put(key, body, "text/plain", "If-None-Match", "*");
		assertStatus(response, 201);
		assertThat(header(response, "ETag")).isEqualTo(etagOf(body));
	}

	@Test
	void putWithIfNoneMatchStarOnExistingKeyAnswers412AndChangesNothing() {
		String key = this.client.key("exists");
		byte[] original = bytes("original");
		this.client.create(key, original, "text/plain");
		assertProblem(this.client.put(key, bytes("intruder"), "application/x-other", "If-None-Match", "*"), 412,
				"precondition-failed");
		HttpResponse<byte[]> get = this.client.get(key);
		assertStatus(get, 200);
		assertThat(get.body()).isEqualTo(original);
		assertThat(header(get, "Content-Type")).isEqualTo("text/plain");
		assertThat(header(get, "ETag")).isEqualTo(etagOf(original));
	}

	@Test
	void putWithCurrentIfMatchReplaces() {
		String key = this.client.key("ifmatch");
		byte[] original = bytes("v1");
		this.client.create(key, original, "text/plain");
		byte[] replacement = bytes("v2");
		HttpResponse<byte[]> response = this.client.put(key, replacement, "text/plain", "If-Match", etagOf(original));
		assertStatus(response, 200);
		assertThat(header(response, "ETag")).isEqualTo(etagOf(replacement));
		assertThat(this.client.get(key).body()).isEqualTo(replacement);
	}

	@Test
	void putWithStaleIfMatchAnswers412AndChangesNothing() {
		String key = this.client.key("stale");
		byte[] current = bytes("current");
		this.client.create(key, current, "text/plain");
		assertProblem(this.client.put(key, bytes("lost update"), "text/plain", "If-Match", etagOf(bytes("older"))), 412,
				"precondition-failed");
		HttpResponse<byte[]> get = this.client.get(key);
		assertStatus(get, 200);
		assertThat(get.body()).isEqualTo(current);
	}

	@Test
	void putWithIfMatchOnMissingKeyAnswers412AndCreatesNothing() {
		String key = this.client.key("ifmatchmissing");
		byte[] body = bytes("never stored");
		assertProblem(this.client.put(key, body, "text/plain", "If-Match", etagOf(body)), 412, "precondition-failed");
		assertProblem(this.client.get(key), 404, "not-found");
	}

	@Test
	void putWithMalformedIfMatchAnswers400InvalidHeaderAndChangesNothing() {
		String key = this.client.key("badifmatch");
		byte[] original = bytes("kept");
		this.client.create(key, original, "text/plain");
		assertProblem(this.client.put(key, bytes("changed"), "text/plain", "If-Match", "abc"), 400, "invalid-header");
		assertThat(this.client.get(key).body()).isEqualTo(original);
		assertProblem(this.client.put(this.client.key("badifmatch2"), bytes("x"), "text/plain", "If-Match", "abc"), 400,
				"invalid-header");
		assertProblem(this.client.get(this.client.key("badifmatch2")), 404, "not-found");
	}

	@Test
	void putWithMalformedIfNoneMatchAnswers400InvalidHeaderAndStoresNothing() {
		String key = this.client.key("badifnonematch");
		assertProblem(this.client.put(key, bytes("x"), "text/plain", "If-None-Match", "abc"), 400, "invalid-header");
		assertProblem(this.client.get(key), 404, "not-found");
	}

	@Test
	void concurrentCreateOnlyPutsOnOneKeyHaveExactlyOneWinner() throws Exception {
		String key = this.client.key("race");
		int writers = 64;
		List<HttpRequest> requests = new ArrayList<>();
		for (int i = 0; i < writers; i++) {
			requests.add(this.client.api(objectPath(key))
				.PUT(BodyPublishers.ofByteArray(bytes("writer " + i)))
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
					return this.client.send(request);
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
		HttpResponse<byte[]> get = this.client.get(key);
		assertStatus(get, 200);
		assertThat(get.body()).isEqualTo(winnerBody);
	}

	@Test
	void getWithCurrentEtagInIfNoneMatchAnswers304WithoutBody() {
		String key = this.client.key("fresh");
		byte[] body = bytes("cached");
		this.client.create(key, body, "text/plain");
		assertNotModified(this.client.get(key, "If-None-Match", etagOf(body)), etagOf(body));
	}

	@Test
	void getWithWeakFormOfCurrentEtagInIfNoneMatchAnswers304() {
		String key = this.client.key("weak");
		byte[] body = bytes("cached weakly");
		this.client.create(key, body, "text/plain");
		assertNotModified(this.client.get(key, "If-None-Match", "W/" + etagOf(body)), etagOf(body));
		assertNotModified(this.client.get(key, "If-None-Match", etagOf(bytes("other")) + ", W/" + etagOf(body)),
				etagOf(body));
	}

	@Test
	void getWithIfNoneMatchStarAnswers304() {
		String key = this.client.key("star");
		byte[] body = bytes("any");
		this.client.create(key, body, "text/plain");
		assertNotModified(this.client.get(key, "If-None-Match", "*"), etagOf(body));
	}

	@Test
	void getWithNonMatchingIfNoneMatchAnswers200() {
		String key = this.client.key("changed");
		byte[] body = bytes("new content");
		this.client.create(key, body, "text/plain");
		HttpResponse<byte[]> response = this.client.get(key, "If-None-Match", etagOf(bytes("old content")));
		assertStatus(response, 200);
		assertThat(response.body()).isEqualTo(body);
		assertThat(header(response, "ETag")).isEqualTo(etagOf(body));
	}

	@Test
	void deleteWithStaleIfMatchAnswers412AndKeepsObject() {
		String key = this.client.key("guarded");
		byte[] body = bytes("guarded");
		this.client.create(key, body, "text/plain");
		assertProblem(this.client.delete(key, "If-Match", etagOf(bytes("something else"))), 412, "precondition-failed");
		HttpResponse<byte[]> get = this.client.get(key);
		assertStatus(get, 200);
		assertThat(get.body()).isEqualTo(body);
	}

	@Test
	void deleteWithCurrentIfMatchAnswers204() {
		String key = this.client.key("checked");
		byte[] body = bytes("checked");
		this.client.create(key, body, "text/plain");
		assertStatus(this.client.delete(key, "If-Match", etagOf(body)), 204);
		assertProblem(this.client.get(key), 404, "not-found");
	}

	@Test
	void deleteWithMalformedIfMatchAnswers400InvalidHeaderAndKeepsObject() {
		String key = this.client.key("badguard");
		this.client.create(key, bytes("kept"), "text/plain");
		assertProblem(this.client.delete(key, "If-Match", "abc"), 400, "invalid-header");
		assertStatus(this.client.get(key), 200);
	}

	private static void assertNotModified(HttpResponse<byte[]> response, String etag) {
		assertStatus(response, 304);
		assertThat(response.body()).as(describe(response)).isEmpty();
		assertThat(header(response, "ETag")).as(describe(response)).isEqualTo(etag);
	}

}
