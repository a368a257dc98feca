package dev.iomodels.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body from a blocking stream without ever holding more than the limit
 * plus one byte, so a client cannot make the service buffer an oversized or endless
 * (chunked) body.
 */
public final class RequestBodies {

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
		if (declaredLength > maxSize) {
			throw StorageLimits.tooLarge(maxSize);
		}
		int cap = (int) Math.min(maxSize + 1, Integer.MAX_VALUE - 8);
		byte[] content = body.readNBytes(cap);
		if (content.length > maxSize) {
			throw StorageLimits.tooLarge(maxSize);
		}
		return content;
	}

}
