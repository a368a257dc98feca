package dev.iomodels.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The HTTP side of the contract suite: one JDK {@link HttpClient} speaking HTTP/1.1 with
 * bounded waits, so that a service that never answers fails a test instead of hanging the
 * build, plus the small helpers the tests share (ETags computed independently of the
 * service, header parsing, failure descriptions).
 */
final class ContractHttp {

	/** How long a connection may take to open. */
	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/** How long a response may take, from sending the request to its last byte. */
	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(CONNECT_TIMEOUT)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private static final int DESCRIBED_BODY_LENGTH = 600;

	private ContractHttp() {
	}

	/**
	 * Start a request to a path below a base URI. The path is used as given, so it may
	 * carry percent-encoded octets ({@code %2F}, {@code %00}) that must reach the server
	 * unchanged.
	 * @param base the scheme, host and port, e.g. {@code http://localhost:8081}
	 * @param rawPathAndQuery the raw path, optionally with a raw query
	 * @return a request builder with the per-request timeout set
	 */
	static HttpRequest.Builder request(URI base, String rawPathAndQuery) {
		String root = base.toString();
		if (root.endsWith("/")) {
			root = root.substring(0, root.length() - 1);
		}
		return HttpRequest.newBuilder(URI.create(root + rawPathAndQuery)).timeout(REQUEST_TIMEOUT);
	}

	/**
	 * Send a request and read the whole response body.
	 * @param request the request
	 * @return the response
	 */
	static HttpResponse<byte[]> send(HttpRequest request) {
		try {
			return CLIENT.send(request, BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No response to " + request.method() + " " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + request.method() + " " + request.uri(),
					ex);
		}
	}

	/**
	 * Return a fresh key prefix: a letter, twelve hex digits and a hyphen, so that every
	 * test writes keys no other test lists.
	 * @return the prefix
	 */
	static String randomPrefix() {
		byte[] random = new byte[6];
		ThreadLocalRandom.current().nextBytes(random);
		return "c" + HexFormat.of().formatHex(random) + "-";
	}

	/**
	 * Return random bytes.
	 * @param length how many
	 * @return the bytes
	 */
	static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

	/**
	 * Compute the ETag the API must give some content, independently of the service: the
	 * lowercase hex SHA-256 of the bytes, in double quotes.
	 * @param content the bytes
	 * @return the strong ETag
	 */
	static String etagOf(byte[] content) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
			return '"' + HexFormat.of().formatHex(digest) + '"';
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the first value of a response header.
	 * @param response the response
	 * @param name the header name, in any case
	 * @return the value, or {@code null} if the header is absent
	 */
	static String header(HttpResponse<?> response, String name) {
		return response.headers().firstValue(name).orElse(null);
	}

	/**
	 * Return the elements of a comma-separated list header, over all of its instances,
	 * upper-cased and without white space.
	 * @param response the response
	 * @param name the header name
	 * @return the elements in order of appearance
	 */
	static Set<String> listHeader(HttpResponse<?> response, String name) {
		return response.headers()
			.allValues(name)
			.stream()
			.flatMap((value) -> Arrays.stream(value.split(",")))
			.map(String::strip)
			.filter((element) -> !element.isEmpty())
			.map((element) -> element.toUpperCase(Locale.ROOT))
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/**
	 * Describe an exchange for an assertion message, so that a failing contract test says
	 * what the service actually answered.
	 * @param response the response
	 * @return the request line, the status, the headers and the start of the body
	 */
	static String describe(HttpResponse<byte[]> response) {
		HttpRequest request = response.request();
		StringBuilder description = new StringBuilder();
		description.append(request.method()).append(' ').append(request.uri().getRawPath());
		if (request.uri().getRawQuery() != null) {
			description.append('?').append(request.uri().getRawQuery());
		}
		description.append(" -> ").append(response.statusCode()).append(' ').append(response.headers().map());
		byte[] body = response.body();
		if (body != null && body.length > 0 && !isText(header(response, "Content-Type"))) {
			description.append(" (").append(body.length).append(" bytes)");
		}
		else if (body != null && body.length > 0) {
			String text = new String(body, 0, Math.min(body.length, DESCRIBED_BODY_LENGTH), StandardCharsets.UTF_8);
			description.append(' ').append(text);
			if (body.length > DESCRIBED_BODY_LENGTH) {
				description.append("… (").append(body.length).append(" bytes)");
			}
		}
		return description.toString();
	}

	private static boolean isText(String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.toLowerCase(Locale.ROOT);
		return type.startsWith("text/") || type.contains("json") || type.contains("yaml") || type.contains("xml");
	}

}
