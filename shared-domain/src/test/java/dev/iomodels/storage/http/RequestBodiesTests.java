package dev.iomodels.storage.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

import dev.iomodels.storage.MutableClock;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.RequestDeadline;
import org.junit.jupiter.api.Test;

import static dev.iomodels.storage.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class RequestBodiesTests {

	private static final int MAX = 1024;

	@Test
	void bodyOfExactlyTheLimitWithDeclaredLengthIsRead() throws IOException {
		byte[] body = bytes(MAX);
		assertThat(RequestBodies.readAtMost(new ByteArrayInputStream(body), MAX, MAX)).isEqualTo(body);
	}

	@Test
	void bodyOfExactlyTheLimitWithUnknownLengthIsRead() throws IOException {
		byte[] body = bytes(MAX);
		assertThat(RequestBodies.readAtMost(new ByteArrayInputStream(body), -1, MAX)).isEqualTo(body);
	}

	@Test
	void emptyBodyIsRead() throws IOException {
		assertThat(RequestBodies.readAtMost(InputStream.nullInputStream(), 0, MAX)).isEmpty();
		assertThat(RequestBodies.readAtMost(InputStream.nullInputStream(), -1, MAX)).isEmpty();
	}

	@Test
	void bodyOneByteOverTheLimitWithDeclaredLengthIsRefused() {
		assertProblem(() -> RequestBodies.readAtMost(new ByteArrayInputStream(bytes(MAX + 1)), MAX + 1, MAX),
				ProblemType.PAYLOAD_TOO_LARGE);
	}

	@Test
	void bodyOneByteOverTheLimitWithUnknownLengthIsRefused() {
		assertProblem(() -> RequestBodies.readAtMost(new ByteArrayInputStream(bytes(MAX + 1)), -1, MAX),
				ProblemType.PAYLOAD_TOO_LARGE);
	}

	// A declared Content-Length decides alone: the service answers 413 without taking
	// in the body.
	@Test
	void declaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() {
		InputStream unreadable = new InputStream() {

			@Override
			public int read() {
				throw new UncheckedIOException(new IOException("the body must not be read"));
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				return read();
			}

		};
		assertProblem(() -> RequestBodies.readAtMost(unreadable, MAX + 1, MAX), ProblemType.PAYLOAD_TOO_LARGE);
		assertProblem(() -> RequestBodies.readAtMost(unreadable, Long.MAX_VALUE, MAX), ProblemType.PAYLOAD_TOO_LARGE);
	}

	// A chunked body may never end: reading stops one byte past the limit.
	@Test
	void endlessBodyIsRefusedAfterReadingOneByteMoreThanTheLimit() {
		CountingEndlessStream endless = new CountingEndlessStream();
		assertProblem(() -> RequestBodies.readAtMost(endless, -1, MAX), ProblemType.PAYLOAD_TOO_LARGE);
		assertThat(endless.bytesRead).isEqualTo(MAX + 1);
	}

	// A client whose body is longer than its Content-Length is held to the limit too.
	@Test
	void bodyLongerThanItsDeclaredLengthIsStillHeldToTheLimit() {
		CountingEndlessStream endless = new CountingEndlessStream();
		assertProblem(() -> RequestBodies.readAtMost(endless, 10, MAX), ProblemType.PAYLOAD_TOO_LARGE);
		assertThat(endless.bytesRead).isEqualTo(MAX + 1);
	}

	@Test
	void failureToReadTheBodyIsPassedOn() {
		InputStream broken = new InputStream() {

			@Override
			public int read() throws IOException {
				throw new IOException("connection reset");
			}

		};
		assertThatIOException().isThrownBy(() -> RequestBodies.readAtMost(broken, -1, MAX))
			.withMessage("connection reset");
	}

	// The request timeout: the deadline is checked each time bytes arrive.

	@Test
	void bodyThatArrivesBeforeTheDeadlineIsRead() throws IOException {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		RequestDeadline deadline = RequestDeadline.start(Duration.ofSeconds(1), clock);
		byte[] body = bytes(MAX);
		SlowStream slow = new SlowStream(body, 100, clock, Duration.ofMillis(50));
		assertThat(RequestBodies.readAtMost(slow, MAX, MAX, deadline)).isEqualTo(body);
	}

	@Test
	void bodyWhoseBytesArriveAfterTheDeadlineIsRefusedWithRequestTimeoutAndNotReadFurther() {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		RequestDeadline deadline = RequestDeadline.start(Duration.ofSeconds(1), clock);
		// 100 bytes every 300 ms: the fourth piece arrives at 1.2 s.
		SlowStream slow = new SlowStream(bytes(MAX), 100, clock, Duration.ofMillis(300));
		assertProblem(() -> RequestBodies.readAtMost(slow, MAX, MAX, deadline), ProblemType.REQUEST_TIMEOUT);
		assertThat(slow.delivered).isEqualTo(400);
	}

	@Test
	void chunkedBodyIsHeldToTheDeadlineToo() {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		RequestDeadline deadline = RequestDeadline.start(Duration.ofSeconds(1), clock);
		SlowStream slow = new SlowStream(bytes(MAX), 100, clock, Duration.ofMillis(300));
		assertProblem(() -> RequestBodies.readAtMost(slow, -1, MAX, deadline), ProblemType.REQUEST_TIMEOUT);
	}

	@Test
	void withoutADeadlineASlowBodyIsReadWhole() throws IOException {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		byte[] body = bytes(MAX);
		SlowStream slow = new SlowStream(body, 100, clock, Duration.ofHours(1));
		assertThat(RequestBodies.readAtMost(slow, MAX, MAX, RequestDeadline.none())).isEqualTo(body);
	}

	private static byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) i;
		}
		return bytes;
	}

	/**
	 * Delivers a body in pieces, the clock advancing by the given pause before each.
	 */
	private static final class SlowStream extends InputStream {

		private final byte[] body;

		private final int piece;

		private final MutableClock clock;

		private final Duration pause;

		private int delivered;

		SlowStream(byte[] body, int piece, MutableClock clock, Duration pause) {
			this.body = body;
			this.piece = piece;
			this.clock = clock;
			this.pause = pause;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.delivered == this.body.length) {
				return -1;
			}
			this.clock.advance(this.pause);
			int count = Math.min(length, Math.min(this.piece, this.body.length - this.delivered));
			System.arraycopy(this.body, this.delivered, buffer, offset, count);
			this.delivered += count;
			return count;
		}

	}

	private static final class CountingEndlessStream extends InputStream {

		private long bytesRead;

		@Override
		public int read() {
			this.bytesRead++;
			return 'x';
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			for (int i = 0; i < length; i++) {
				buffer[offset + i] = 'x';
			}
			this.bytesRead += length;
			return length;
		}

	}

}
