package dev.iomodels.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The optional bearer token for writes ({@code storage.auth.token}), checked the same way
 * by every service: when a token is configured, a PUT or DELETE must carry
 * {@code Authorization: Bearer <token>}, or it is refused with 401 {@code unauthorized}
 * and {@code WWW-Authenticate: Bearer}; reads stay open. Without a token nothing is
 * checked.
 * <p>
 * The comparison takes the same time whatever the presented token is: both sides are
 * hashed to SHA-256 first and compared with {@link MessageDigest#isEqual}, which looks at
 * every byte, so neither the position of the first wrong byte nor the token's length
 * shows in the response time.
 */
public final class WriteAuthorization {

	private static final String BEARER = "Bearer ";

	private final byte[] expectedDigest;

	/**
	 * Create the check.
	 * @param token the configured token, or {@code null} or blank for none
	 */
	public WriteAuthorization(String token) {
		this.expectedDigest = (token == null || token.isBlank()) ? null : sha256(token);
	}

	/**
	 * Tell whether writes need a token.
	 * @return {@code true} if a token is configured
	 */
	public boolean isRequired() {
		return this.expectedDigest != null;
	}

	/**
	 * Tell whether a request may go on.
	 * @param method the request method
	 * @param authorization the {@code Authorization} header, or {@code null}
	 * @return {@code false} only for a write without the configured token
	 */
	public boolean permits(String method, String authorization) {
		if (this.expectedDigest == null || !isWrite(method)) {
			return true;
		}
		if (authorization == null || authorization.length() <= BEARER.length()
				|| !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return false;
		}
		String presented = authorization.substring(BEARER.length()).strip();
		return MessageDigest.isEqual(this.expectedDigest, sha256(presented));
	}

	private static boolean isWrite(String method) {
		return "PUT".equals(method) || "DELETE".equals(method);
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
