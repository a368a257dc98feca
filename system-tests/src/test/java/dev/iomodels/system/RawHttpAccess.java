package dev.iomodels.system;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Opens {@link RawHttp}, which is package-private, to the tests in the sub-packages.
 */
public final class RawHttpAccess {

	private RawHttpAccess() {
	}

	/**
	 * Send bytes as they are and read one final response.
	 * @param server the server's base URI
	 * @param request the request bytes
	 * @param method the request method
	 * @param timeoutMillis how long each read may wait
	 * @return the status and body
	 * @throws IOException if no response arrives
	 */
	public static Reply exchange(URI server, byte[] request, String method, int timeoutMillis) throws IOException {
		RawHttp.Response response = RawHttp.exchangeRaw(server, request, method, timeoutMillis);
		return new Reply(response.status(), new String(response.body(), StandardCharsets.UTF_8),
				response.header("retry-after"));
	}

	/**
	 * A response as far as the tests outside this package need it.
	 *
	 * @param status the status
	 * @param body the body as text
	 * @param retryAfter the {@code Retry-After} header, or {@code null}
	 */
	public record Reply(int status, String body, String retryAfter) {

	}

}
