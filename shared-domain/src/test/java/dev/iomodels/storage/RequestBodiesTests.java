package dev.iomodels.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

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

	private static byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) i;
		}
		return bytes;
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
