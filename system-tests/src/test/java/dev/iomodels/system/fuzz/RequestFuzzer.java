package dev.iomodels.system.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates requests that probe how a service handles bad input, from one seed, so a run
 * can be repeated exactly. Each request comes from one family (malformed keys over every
 * byte value and encoding, huge and broken headers, bad conditional headers, bad query
 * parameters and cursors, oversized and chunked bodies, wrong methods and media types);
 * the families are drawn in turn with fixed weights.
 * <p>
 * Only requests whose answer does not depend on timing are generated: every body is
 * complete (a Content-Length never promises more than is sent), so no server waits for
 * bytes that never come. A request line or header block over the 8 KiB head budget is
 * always well over it, and so is a head whose request line and headers are each under the
 * budget but together over it (both servers count them together; webflux from the decoded
 * line and headers, so a head within a few bytes of the budget could still be counted
 * differently, and is not generated). Raw whitespace other than SP inside the request
 * line (HTAB, VT, FF, a bare CR), as a separator or within the target, has a family of
 * its own.
 */
final class RequestFuzzer {

	/** The keys that several families read and write, so that objects exist. */
	static final List<String> SHARED_KEYS = List.of("fuzz-a", "fuzz-b", "fuzz-c", "fuzz-d");

	private static final String OBJECTS = "/api/v1/objects";

	private static final String KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-";

	/** The head budget ({@code iomodels.server.max-request-header-size}). */
	private static final int HEAD_BUDGET = 8192;

	private static final String[] OVERLONG_UTF8 = { "%C0%AE", "%C0%AF", "%E0%80%AE", "%E0%80%AF", "%C1%81",
			"%F0%80%80%AF", "%C0%80", "%ED%A0%80", "%FF", "%FE", "%C3", "%C3%28", "%E2%82" };

	private static final String[] DOT_SEGMENTS = { ".", "..", "%2e", "%2E", "%2e%2e", "%2E%2e", ".%2e", "%2e.", "...",
			"..;", ";", ".;x", "%00", "%2f", "%2F", "%5c", "\\", "%25", "%", "%%", "%G1", "%1" };

	private static final String[] ETAG_GARBAGE = { "", " ", "*", "**", "\"", "\"\"", "\"abc", "abc\"", "W/", "W/\"x",
			"w/\"x\"", "\"x\",", ",\"x\"", "\"x\" \"y\"", "\"x\",,\"y\"", "*, \"x\"", "\"\u00e9\"", "\"a\tb\"",
			"\"a\u007fb\"", "W/\"x\", W/\"y\"", "\"x\";", "\"" + "a".repeat(300) + "\"" };

	private static final String[] METHODS = { "POST", "PATCH", "TRACE", "CONNECT", "FOO", "get", "Put", "PROPFIND",
			"M-SEARCH", "LINK", "GET\u0001", "G@T" };

	private static final String[] MEDIA_TYPES = { "", ";", "/", "text", "text/", "/plain", "text/plain;",
			"text/plain; charset", "text/plain; charset=", "text/plain; charset=\"", "a/b/c", "*/*", "text/*",
			"application/json; q=x", "\u00e9/\u00e9", "text/plain, text/html", "multipart/form-data; boundary=",
			"application/x-www-form-urlencoded", "text/plain; charset=utf-8; charset=latin1" };

	private final Random random;

	private final List<Supplier<FuzzRequest>> families;

	private final int[] weights;

	private int counter;

	RequestFuzzer(long seed) {
		this.random = new Random(seed);
		this.families = List.of(this::malformedKey, this::rawByteKey, this::hugeOrBrokenHeader,
				this::badConditionalHeader, this::badQuery, this::body, this::chunkedBody, this::wrongMethod,
				this::mediaType, this::validTraffic, this::whitespaceInRequestLine, this::headOverBudgetTogether);
		this.weights = new int[] { 22, 8, 10, 12, 12, 6, 8, 8, 8, 6, 6, 3 };
	}

	/**
	 * Return the next request.
	 * @return a request
	 */
	FuzzRequest next() {
		this.counter++;
		int total = 0;
		for (int weight : this.weights) {
			total += weight;
		}
		int pick = this.random.nextInt(total);
		for (int i = 0; i < this.weights.length; i++) {
			pick -= this.weights[i];
			if (pick < 0) {
				return this.families.get(i).get();
			}
		}
		throw new IllegalStateException("unreachable");
	}

	// Families

	private FuzzRequest malformedKey() {
		StringBuilder key = new StringBuilder();
		int parts = 1 + this.random.nextInt(4);
		for (int i = 0; i < parts; i++) {
			switch (this.random.nextInt(6)) {
				case 0 -> key.append(validKey(1 + this.random.nextInt(8)));
				case 1 ->
					key.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) this.random.nextInt(256)));
				case 2 -> key.append('%').append(HexFormat.of().toHexDigits((byte) this.random.nextInt(256)));
				case 3 -> key.append(pick(OVERLONG_UTF8));
				case 4 -> key.append(pick(DOT_SEGMENTS));
				default -> key.append(this.random.nextBoolean() ? "/" : pick(DOT_SEGMENTS) + "/");
			}
		}
		if (this.random.nextInt(10) == 0) {
			key.append("k".repeat(250 + this.random.nextInt(20)));
		}
		return withAnyMethod(OBJECTS + "/" + key);
	}

	private FuzzRequest rawByteKey() {
		// Every byte value but those that end a request line's parts: SP and LF, and the
		// other whitespace that RFC 9112 §3 lets a server take for a separator (HTAB, VT,
		// FF, bare CR), which Reactor Netty does and Tomcat refuses (the Fairness table,
		// docs/configuration.md).
		// They are in the percent-encoded family, as every other byte value.
		StringBuilder key = new StringBuilder(validKey(1 + this.random.nextInt(4)));
		int bytes = 1 + this.random.nextInt(3);
		for (int i = 0; i < bytes; i++) {
			int b;
			do {
				b = this.random.nextInt(256);
			}
			while (b == ' ' || b == '\n' || b == '\t' || b == 0x0B || b == 0x0C || b == '\r');
			key.insert(this.random.nextInt(key.length() + 1), (char) b);
		}
		return withAnyMethod(OBJECTS + "/" + key);
	}

	private FuzzRequest hugeOrBrokenHeader() {
		FuzzRequest request = FuzzRequest.of(pick("GET", "HEAD", "PUT", "DELETE"), OBJECTS + "/" + validKey(6));
		if (request.method().equals("PUT")) {
			request = request.withBody(bytes("hello"));
		}
		return switch (this.random.nextInt(9)) {
			// Well over the head budget, in one header, in many, or in the request line.
			case 0 -> request.header("X-Huge", "v".repeat(HEAD_BUDGET + 100 + this.random.nextInt(4000)));
			case 1 -> {
				FuzzRequest many = request;
				for (int i = 0; i < 200; i++) {
					many = many.header("X-Many-" + i, "v".repeat(60));
				}
				yield many;
			}
			case 2 -> request.withTarget(OBJECTS + "/" + "k".repeat(HEAD_BUDGET + 100 + this.random.nextInt(4000)));
			case 3 -> request.header("X-Bad" + pick(" ", "\t", "(", "@", "\u0001", "\u00e9", ":", ""), "v");
			case 4 -> request.header("X-Ctl", "a" + (char) pickInt(0, 1, 8, 11, 12, 14, 31, 127) + "b");
			case 5 -> request.header("X-Latin", "caf\u00e9 \u00ff\u0080");
			case 6 -> request.withoutHostHeader();
			case 7 -> request.header("Content-Length", pick("-1", "abc", "1.5", " ", "0x10", "99999999999999999999"));
			default -> request.header("Host", "second.example");
		};
	}

	private FuzzRequest badConditionalHeader() {
		String method = pick("GET", "HEAD", "PUT", "DELETE");
		FuzzRequest request = FuzzRequest.of(method, OBJECTS + "/" + pick("fuzz-a", "fuzz-b", validKey(5)));
		if (method.equals("PUT")) {
			request = request.withBody(bytes("v"));
		}
		String header = pick("If-Match", "If-None-Match");
		request = request.header(header, pick(ETAG_GARBAGE));
		if (this.random.nextBoolean()) {
			request = request.header(header, pick(ETAG_GARBAGE));
		}
		return request;
	}

	private FuzzRequest badQuery() {
		List<String> parameters = new ArrayList<>();
		int count = 1 + this.random.nextInt(3);
		for (int i = 0; i < count; i++) {
			String name = pick("limit", "cursor", "prefix", "LIMIT", "x", "", "limit[]", "cursor%00");
			String value = switch (name) {
				case "limit", "LIMIT" -> pick("0", "-1", "1001", "1000", "1", "x", "1e3", "", "%20", "%00",
						"2147483648", "99999999999999999999", "+5", "0x10", "%D9%A1");
				case "cursor" -> pick("", "!!", "djE6", "djE6ZGlmZi1j", "djI6eA==", "djE6" + "QUFB".repeat(90), "%ZZ",
						"dj%45", "////", "djE6LWJhZA", base64ish());
				default -> pick("", "a", "%2F", "%00", "%C0%AE", "..", "%zz", "a+b", "k".repeat(300), "%FF");
			};
			parameters.add(name + (this.random.nextInt(8) == 0 ? "" : "=" + value));
		}
		return FuzzRequest.of(pick("GET", "GET", "HEAD"), OBJECTS + "?" + String.join("&", parameters));
	}

	private FuzzRequest body() {
		String key = OBJECTS + "/" + pick("fuzz-a", "fuzz-b", validKey(6));
		int size = switch (this.random.nextInt(6)) {
			case 0 -> 1024 * 1024 + 1 + this.random.nextInt(2048);
			case 1 -> 1024 * 1024;
			default -> this.random.nextInt(2048);
		};
		FuzzRequest request = FuzzRequest.of(pick("PUT", "PUT", "PUT", "DELETE", "GET"), key)
			.withBody(randomBytes(size));
		if (this.random.nextBoolean()) {
			request = request.header("Expect", "100-continue");
		}
		return request;
	}

	private FuzzRequest chunkedBody() {
		String key = OBJECTS + "/" + pick("fuzz-a", "fuzz-c", validKey(6));
		StringBuilder raw = new StringBuilder();
		switch (this.random.nextInt(8)) {
			case 0 -> raw.append("5\r\nhello\r\n0\r\n\r\n");
			case 1 -> raw.append("zz\r\nhello\r\n0\r\n\r\n");
			case 2 -> raw.append("5\r\nhelloXX0\r\n\r\n");
			case 3 -> raw.append("-5\r\nhello\r\n0\r\n\r\n");
			case 4 -> raw.append("5;ext=1\r\nhello\r\n0\r\n\r\n");
			case 5 -> raw.append("3\r\nabc\r\n0\r\nX-Trailer: 1\r\n\r\n");
			case 6 -> {
				// Over the object size, in 64 KiB chunks.
				String chunk = "x".repeat(65536);
				for (int i = 0; i < 17; i++) {
					raw.append("10000\r\n").append(chunk).append("\r\n");
				}
				raw.append("0\r\n\r\n");
			}
			default -> raw.append("fffffffffffffffffff\r\nhello\r\n0\r\n\r\n");
		}
		FuzzRequest request = FuzzRequest.of("PUT", key)
			.header("Transfer-Encoding", pick("chunked", "chunked", "Chunked", "gzip, chunked"))
			.withRawBody(raw.toString().getBytes(StandardCharsets.ISO_8859_1));
		return request;
	}

	private FuzzRequest wrongMethod() {
		String target = pick(OBJECTS + "/" + validKey(5), OBJECTS, "/api/v1/info", "/api/v1/nope", "/", "*",
				"http://localhost" + OBJECTS, OBJECTS + "/");
		FuzzRequest request = FuzzRequest.of(pick(METHODS), target);
		return this.random.nextBoolean() ? request.withBody(bytes("x")) : request;
	}

	private FuzzRequest mediaType() {
		String key = OBJECTS + "/" + pick("fuzz-a", "fuzz-d", validKey(6));
		if (this.random.nextBoolean()) {
			return FuzzRequest.of("PUT", key).header("Content-Type", pick(MEDIA_TYPES)).withBody(bytes("media"));
		}
		return FuzzRequest.of(pick("GET", "GET", "PUT", "HEAD"), pick(key, OBJECTS))
			.header("Accept", pick(MEDIA_TYPES))
			.withBody(bytes("m"));
	}

	private FuzzRequest whitespaceInRequestLine() {
		// RFC 9112 §3 lets a server take HTAB, VT, FF or a bare CR for the SP that
		// separates the parts of a request line; inside the target they are never
		// allowed.
		String whitespace = pick("\t", "\u000b", "\u000c", "\r");
		String key = OBJECTS + "/" + pick("fuzz-a", validKey(4));
		FuzzRequest request = withAnyMethod(key);
		return switch (this.random.nextInt(6)) {
			case 0 -> request.withRequestLine(whitespace, " HTTP/1.1");
			case 1 -> request.withRequestLine(" ", whitespace + "HTTP/1.1");
			case 2 -> request.withRequestLine(" " + whitespace, whitespace + " HTTP/1.1");
			case 3 -> request.withRequestLine(" ", " HTTP/1.1" + whitespace);
			case 4 -> request.withTarget(key + whitespace + validKey(3));
			default -> request.withTarget(key + whitespace);
		};
	}

	private FuzzRequest headOverBudgetTogether() {
		// Each part at least 2 KiB under the budget, both together at least 1 KiB over.
		int line = HEAD_BUDGET / 2 + this.random.nextInt(HEAD_BUDGET / 4);
		int headers = HEAD_BUDGET + 1024 - line + this.random.nextInt(HEAD_BUDGET - 2048 - (HEAD_BUDGET + 1024 - line));
		String target = OBJECTS + "/" + validKey(line - OBJECTS.length() - 20);
		FuzzRequest request = withAnyMethod(target);
		return this.random.nextBoolean() ? request.header("X-Pad", "v".repeat(headers))
				: request.header("X-Pad-1", "v".repeat(headers / 2)).header("X-Pad-2", "v".repeat(headers / 2));
	}

	private FuzzRequest validTraffic() {
		// Some good requests too, so that objects exist for the conditional and listing
		// requests to find.
		String key = OBJECTS + "/" + pick("fuzz-a", "fuzz-b", "fuzz-c", "fuzz-d");
		return switch (this.random.nextInt(4)) {
			case 0, 1 ->
				FuzzRequest.of("PUT", key).header("Content-Type", "text/plain").withBody(bytes("v" + this.counter));
			case 2 -> FuzzRequest.of("GET", key);
			default -> FuzzRequest.of("GET", OBJECTS + "?prefix=fuzz-&limit=2");
		};
	}

	// Helpers

	private FuzzRequest withAnyMethod(String target) {
		String method = pick("GET", "GET", "HEAD", "PUT", "DELETE", "POST");
		FuzzRequest request = FuzzRequest.of(method, target);
		return method.equals("PUT") ? request.withBody(bytes("k")) : request;
	}

	private String validKey(int length) {
		StringBuilder key = new StringBuilder("f");
		for (int i = 1; i < length; i++) {
			key.append(KEY_CHARS.charAt(this.random.nextInt(KEY_CHARS.length())));
		}
		return key.toString();
	}

	private String base64ish() {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_%";
		StringBuilder value = new StringBuilder();
		int length = this.random.nextInt(40);
		for (int i = 0; i < length; i++) {
			value.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return value.toString();
	}

	private byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@SafeVarargs
	private <T> T pick(T... choices) {
		return choices[this.random.nextInt(choices.length)];
	}

	private int pickInt(int... choices) {
		return choices[this.random.nextInt(choices.length)];
	}

}
