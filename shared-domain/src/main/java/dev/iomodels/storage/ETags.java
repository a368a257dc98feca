package dev.iomodels.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Computes the API's entity tags: a strong ETag that is the lowercase hex SHA-256 of the
 * stored bytes, in quotes. It depends on the bytes alone, so the same object has the same
 * ETag in every service and after a restart, and a client can compute it before
 * uploading.
 */
public final class ETags {

	private static final HexFormat HEX = HexFormat.of();

	private ETags() {
	}

	/**
	 * Compute the strong ETag of some content.
	 * @param content the stored bytes
	 * @return the quoted ETag, e.g. {@code "e3b0c442…b855"}
	 */
	public static String of(byte[] content) {
		return '"' + HEX.formatHex(sha256().digest(content)) + '"';
	}

	private static MessageDigest sha256() {
		try {
			// A new digest per call: MessageDigest is not thread-safe, and creating one
			// is cheap next to hashing the content.
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform must support SHA-256", ex);
		}
	}

}
