package dev.iomodels.storage.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.RequestDeadline;
import dev.iomodels.storage.StorageLimits;

/**
 * Reads a request body from a blocking stream without ever holding more than the limit
 * plus one byte, so a client cannot make the service buffer an oversized or endless
 * (chunked) body, and checking the request's deadline each time bytes arrive.
 */
public final class RequestBodies {

	/** The first buffer of a chunked body, which then doubles as the body grows. */
	private static final int INITIAL_CHUNKED_BUFFER = 8192;

	private RequestBodies() {
	}

	/**
	 * Read a whole body that may be at most {@code maxSize} bytes long.
	 * @param body the body stream
	 * @param declaredLength the Content-Length, or a negative number if the body is
	 * chunked
	 * @param maxSize the largest acceptable body
	 * @return the bytes
	 * @throws ProblemException of type {@link ProblemType#PAYLOAD_TOO_LARGE} if the body
	 * is larger, decided from Content-Length alone when it is declared
	 * @throws IOException if reading the stream fails
	 */
	public static byte[] readAtMost(InputStream body, long declaredLength, long maxSize) throws IOException {
		return readAtMost(body, declaredLength, maxSize, RequestDeadline.none());
	}

	/**
	 * Read a whole body that may be at most {@code maxSize} bytes long and must have
	 * arrived by the request's deadline.
	 * @param body the body stream
	 * @param declaredLength the Content-Length, or a negative number if the body is
	 * chunked
	 * @param maxSize the largest acceptable body
	 * @param deadline the request's deadline, checked after every read that delivered
	 * bytes
	 * @return the bytes
	 * @throws ProblemException of type {@link ProblemType#PAYLOAD_TOO_LARGE} if the body
	 * is larger, decided from Content-Length alone when it is declared, or of type
	 * {@link ProblemType#REQUEST_TIMEOUT} if bytes arrive after the deadline
	 * @throws IOException if reading the stream fails
	 */
	public static byte[] readAtMost(InputStream body, long declaredLength, long maxSize, RequestDeadline deadline)
			throws IOException {
		if (declaredLength > maxSize) {
			throw StorageLimits.tooLarge(maxSize);
		}
		int cap = (int) Math.min(maxSize + 1, Integer.MAX_VALUE - 8);
		// A declared length gets its buffer at once, one byte more to see the end of the
		// stream without growing it.
		int initial = (int) Math.min(cap, (declaredLength >= 0) ? declaredLength + 1 : INITIAL_CHUNKED_BUFFER);
		byte[] buffer = new byte[Math.max(initial, 1)];
		int length = 0;
		while (true) {
			if (length == buffer.length) {
				if (length == cap) {
					break;
				}
				buffer = Arrays.copyOf(buffer, (int) Math.min(cap, 2L * length));
			}
			int read = body.read(buffer, length, buffer.length - length);
			if (read < 0) {
				break;
			}
			length += read;
			deadline.checkBodyArrival();
		}
		if (length > maxSize) {
			throw StorageLimits.tooLarge(maxSize);
		}
		return (length == buffer.length) ? buffer : Arrays.copyOf(buffer, length);
	}

}
