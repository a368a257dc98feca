package dev.iomodels.storage.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BoundedCounterTests {

	@Test
	void addsUpToTheLimitAndRefusesWhatWouldCrossIt() {
		BoundedCounter counter = BoundedCounter.upTo(10);
		assertThat(counter.tryAdd(6)).isTrue();
		assertThat(counter.tryAdd(4)).isTrue();
		assertThat(counter.tryAdd(1)).isFalse();
		assertThat(counter.current()).isEqualTo(10);
		counter.subtract(3);
		assertThat(counter.tryAdd(4)).isFalse();
		assertThat(counter.tryAdd(3)).isTrue();
		assertThat(counter.current()).isEqualTo(10);
	}

	@Test
	void aLimitOfZeroRefusesEveryPositiveAmount() {
		BoundedCounter counter = BoundedCounter.upTo(0);
		assertThat(counter.tryAdd(1)).isFalse();
		assertThat(counter.current()).isZero();
	}

	@Test
	void anAmountLargerThanTheLimitIsRefusedEvenWhenEmpty() {
		BoundedCounter counter = BoundedCounter.upTo(10);
		assertThat(counter.tryAdd(11)).isFalse();
		assertThat(counter.current()).isZero();
	}

	@Test
	void zeroAndNegativeAmountsAreAlwaysAdded() {
		BoundedCounter counter = BoundedCounter.upTo(5);
		counter.tryAdd(5);
		assertThat(counter.tryAdd(0)).isTrue();
		assertThat(counter.tryAdd(-2)).isTrue();
		assertThat(counter.current()).isEqualTo(3);
	}

	@Test
	void aBudgetTakesOneOversizeAmountWhenEmptyAndNothingBesideIt() {
		BoundedCounter budget = BoundedCounter.budget(100);
		assertThat(budget.tryAdd(800)).isTrue();
		assertThat(budget.tryAdd(1)).isFalse();
		assertThat(budget.tryAdd(800)).isFalse();
		budget.subtract(800);
		assertThat(budget.tryAdd(60)).isTrue();
		assertThat(budget.tryAdd(800)).as("not empty any more").isFalse();
		assertThat(budget.tryAdd(40)).isTrue();
		assertThat(budget.current()).isEqualTo(100);
	}

	@Test
	void anUnboundedCounterTakesEverything() {
		BoundedCounter counter = BoundedCounter.unbounded();
		for (int i = 0; i < 1000; i++) {
			assertThat(counter.tryAdd(Integer.MAX_VALUE)).isTrue();
		}
		assertThat(counter.current()).isEqualTo(1000L * Integer.MAX_VALUE);
	}

	@Test
	void aNegativeLimitIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> BoundedCounter.upTo(-1));
	}

	// Many threads at once never see the count above the limit, and every amount that
	// was added and taken off again leaves it at zero.
	@Test
	void theLimitHoldsUnderContention() throws Exception {
		long limit = 8;
		BoundedCounter counter = BoundedCounter.upTo(limit);
		AtomicLong highest = new AtomicLong();
		AtomicLong added = new AtomicLong();
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService executor = Executors.newFixedThreadPool(16)) {
			List<Future<?>> tasks = new ArrayList<>();
			for (int t = 0; t < 16; t++) {
				long amount = 1 + (t % 3);
				tasks.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < 20_000; i++) {
						if (counter.tryAdd(amount)) {
							added.incrementAndGet();
							highest.accumulateAndGet(counter.current(), Math::max);
							counter.subtract(amount);
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
		assertThat(added.get()).isPositive();
		assertThat(highest.get()).isLessThanOrEqualTo(limit);
		assertThat(counter.current()).isZero();
	}

}
