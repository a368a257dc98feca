package dev.iomodels.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestAdmissionTests {

	private static final long MAX_OBJECT = 1000;

	@Test
	void admitsUpToTheBoundOfRequestsAndRefusesTheNext() {
		RequestAdmission admission = new RequestAdmission(2, -1, MAX_OBJECT);
		RequestAdmission.Admitted first = admission.tryAdmit("GET", -1, false);
		RequestAdmission.Admitted second = admission.tryAdmit("GET", -1, false);
		assertThat(first).isNotNull();
		assertThat(second).isNotNull();
		assertThat(admission.tryAdmit("GET", -1, false)).isNull();
		first.release();
		assertThat(admission.tryAdmit("GET", -1, false)).isNotNull();
	}

	@Test
	void releasingTwiceGivesBackOnce() {
		RequestAdmission admission = new RequestAdmission(1, -1, MAX_OBJECT);
		RequestAdmission.Admitted admitted = admission.tryAdmit("GET", -1, false);
		admitted.release();
		admitted.release();
		assertThat(admission.admittedRequests()).isZero();
		assertThat(admission.tryAdmit("GET", -1, false)).isNotNull();
		assertThat(admission.tryAdmit("GET", -1, false)).isNull();
	}

	@Test
	void aPutReservesItsDeclaredLengthAndAChunkedPutTheMaximumObjectSize() {
		RequestAdmission admission = new RequestAdmission(-1, 1500, MAX_OBJECT);
		RequestAdmission.Admitted declared = admission.tryAdmit("PUT", 600, false);
		assertThat(admission.bufferedBytes()).isEqualTo(600);
		assertThat(admission.tryAdmit("PUT", -1, true)).as("600 + 1000 > 1500").isNull();
		assertThat(admission.tryAdmit("PUT", 900, false)).isNotNull();
		assertThat(admission.bufferedBytes()).isEqualTo(1500);
		declared.release();
		assertThat(admission.bufferedBytes()).isEqualTo(900);
	}

	@Test
	void aDeclaredLengthOverTheObjectSizeReservesOnlyTheObjectSizeSinceItIsRefusedUnread() {
		RequestAdmission admission = new RequestAdmission(-1, 5000, MAX_OBJECT);
		admission.tryAdmit("PUT", 1_000_000_000L, false);
		assertThat(admission.bufferedBytes()).isEqualTo(MAX_OBJECT);
	}

	@Test
	void requestsThatReadNoBodyReserveNoBytes() {
		RequestAdmission admission = new RequestAdmission(-1, 10, MAX_OBJECT);
		for (String method : List.of("GET", "HEAD", "DELETE", "OPTIONS", "POST")) {
			assertThat(admission.tryAdmit(method, 500, false)).isNotNull();
		}
		assertThat(admission.bufferedBytes()).isZero();
	}

	@Test
	void aBodyLargerThanTheWholeBudgetIsAdmittedWhenNothingElseIsBuffered() {
		RequestAdmission admission = new RequestAdmission(-1, 100, MAX_OBJECT);
		RequestAdmission.Admitted large = admission.tryAdmit("PUT", 800, false);
		assertThat(large).isNotNull();
		assertThat(admission.tryAdmit("PUT", 1, false)).isNull();
		large.release();
		assertThat(admission.bufferedBytes()).isZero();
	}

	@Test
	void aRefusalForBytesDoesNotKeepARequestSlot() {
		RequestAdmission admission = new RequestAdmission(2, 1000, MAX_OBJECT);
		admission.tryAdmit("PUT", 1000, false);
		assertThat(admission.tryAdmit("PUT", 1000, false)).isNull();
		assertThat(admission.admittedRequests()).isEqualTo(1);
		assertThat(admission.tryAdmit("GET", -1, false)).isNotNull();
	}

	@Test
	void unboundedAdmitsEverything() {
		RequestAdmission admission = new RequestAdmission(-1, -1, MAX_OBJECT);
		for (int i = 0; i < 10_000; i++) {
			assertThat(admission.tryAdmit("PUT", MAX_OBJECT, false)).isNotNull();
		}
		assertThat(admission.admittedRequests()).isEqualTo(10_000);
	}

	// Many threads at once never get more than the bound admitted together.
	@Test
	void theBoundHoldsUnderContention() throws Exception {
		int bound = 8;
		RequestAdmission admission = new RequestAdmission(bound, -1, MAX_OBJECT);
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger mostInside = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService executor = Executors.newFixedThreadPool(16)) {
			List<Future<?>> tasks = new ArrayList<>();
			for (int t = 0; t < 16; t++) {
				tasks.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < 20_000; i++) {
						RequestAdmission.Admitted admitted = admission.tryAdmit("GET", -1, false);
						if (admitted != null) {
							mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
							inside.decrementAndGet();
							admitted.release();
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> task : tasks) {
				task.get();
			}
		}
		assertThat(mostInside.get()).isLessThanOrEqualTo(bound);
		assertThat(admission.admittedRequests()).isZero();
	}

}
