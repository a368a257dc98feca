package dev.iomodels.storage.concurrent;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OncePerIntervalTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final OncePerInterval gate = new OncePerInterval(Duration.ofSeconds(5), this.now::get);

	@Test
	void theFirstCallPassesAndTheNextOnlyAfterTheInterval() {
		assertThat(this.gate.tryPass()).isTrue();
		assertThat(this.gate.tryPass()).isFalse();
		this.now.addAndGet(Duration.ofMillis(4999).toNanos());
		assertThat(this.gate.tryPass()).isFalse();
		this.now.addAndGet(Duration.ofMillis(1).toNanos());
		assertThat(this.gate.tryPass()).isTrue();
		assertThat(this.gate.tryPass()).isFalse();
	}

	@Test
	void theIntervalCountsFromTheLastPassNotFromTheLastCall() {
		assertThat(this.gate.tryPass()).isTrue();
		for (int i = 0; i < 4; i++) {
			this.now.addAndGet(Duration.ofSeconds(1).toNanos());
			assertThat(this.gate.tryPass()).isFalse();
		}
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(this.gate.tryPass()).isTrue();
	}

}
