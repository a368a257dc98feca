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
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static dev.iomodels.contract.ApiAssertions.assertProblem;
import static dev.iomodels.contract.ApiAssertions.assertStorageTimeout;
import static dev.iomodels.contract.ContractHttp.describe;
import static dev.iomodels.contract.ContractHttp.header;
import static dev.iomodels.contract.GuardedServiceContractTests.MAX_REQUESTS;
import static dev.iomodels.contract.GuardedServiceContractTests.OBJECT;
import static dev.iomodels.contract.GuardedServiceContractTests.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds on requests and buffered bytes admitted at once.
 * <p>
 * A section of {@link GuardedServiceContractTests}, run by it as its {@code @Nested}
 * class {@code Overload}.
 */
abstract class OverloadContract {

	/** The test's client of the service. */
	private final ContractClient client;

	OverloadContract(ContractClient client) {
		this.client = client;
	}

	@Test
	void requestsOverTheBoundAreRefusedAtOnceWith503OverloadedAndRetryAfterWhileHealthAnswers() throws Exception {
		int requests = MAX_REQUESTS * 3;
		List<HttpResponse<byte[]>> responses = sendAtOnce(requests, () -> this.client.api(OBJECT).GET());
		int refused = 0;
		int admitted = 0;
		for (HttpResponse<byte[]> response : responses) {
			if (response.statusCode() == 503) {
				assertProblem(response, 503, "overloaded");
				assertThat(header(response, "Retry-After")).as(describe(response)).isEqualTo("1");
				refused++;
			}
			else {
				assertStorageTimeout(response);
				admitted++;
			}
		}
		assertThat(refused).as("refused of %d sent at once", requests).isPositive();
		assertThat(admitted).as("admitted of %d sent at once", requests).isPositive();
	}

	@Test
	void managementRequestsAreNotSubjectToTheBound() throws Exception {
		ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
		try {
			List<Future<HttpResponse<byte[]>>> holding = new ArrayList<>();
			for (int i = 0; i < MAX_REQUESTS * 2; i++) {
				holding.add(executor.submit(() -> this.client.send(this.client.api(OBJECT).GET())));
			}
			for (int i = 0; i < 5; i++) {
				HttpResponse<byte[]> health = this.client.send(this.client.management("/actuator/health"));
				assertThat(health.statusCode()).as(describe(health)).isEqualTo(200);
			}
			for (Future<HttpResponse<byte[]>> response : holding) {
				assertThat(response.get().statusCode()).isIn(503, 504);
			}
		}
		finally {
			executor.shutdown();
		}
	}

	@Test
	void bodiesOverTheBufferedBytesBoundAreRefusedWith503Overloaded() throws Exception {
		// Each PUT declares 600 KB; two of them do not fit in the 1 MB bound at once.
		byte[] body = new byte[600 * 1024];
		List<HttpResponse<byte[]>> responses = sendAtOnce(MAX_REQUESTS - 1,
				() -> this.client.api(OBJECT)
					.header("Authorization", "Bearer " + TOKEN)
					.PUT(BodyPublishers.ofByteArray(body)));
		List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
		assertThat(statuses).as("statuses").containsOnly(503, 504).contains(503);
		for (HttpResponse<byte[]> response : responses) {
			if (response.statusCode() == 503) {
				assertProblem(response, 503, "overloaded");
			}
		}
	}

	private List<HttpResponse<byte[]>> sendAtOnce(int count, Supplier<HttpRequest.Builder> request) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
		try {
			List<Future<HttpResponse<byte[]>>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					return this.client.send(request.get());
				}));
			}
			start.countDown();
			List<HttpResponse<byte[]>> responses = new ArrayList<>();
			for (Future<HttpResponse<byte[]>> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
		finally {
			executor.shutdown();
		}
	}

}
