package dev.iomodels.system.postgres;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few HTTP calls the postgres system tests make, each bounded by a timeout so that a
 * service that hangs fails the test instead of stalling it.
 */
final class PostgresHttp implements AutoCloseable {

	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

	private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"urn:io-models:problem:([a-z-]+)\"");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Answer put(URI api, String key, byte[] body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(api.resolve("/api/v1/objects/" + key))
			.timeout(REQUEST_TIMEOUT)
			.header("Content-Type", "application/octet-stream")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

	Answer get(URI api, String key) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(api.resolve("/api/v1/objects/" + key)).timeout(REQUEST_TIMEOUT).build());
	}

	Answer health(URI management) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(management.resolve("/actuator/health/liveness"))
			.timeout(REQUEST_TIMEOUT)
			.build());
	}

	private Answer send(HttpRequest request) throws IOException, InterruptedException {
		long start = System.nanoTime();
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		long end = System.nanoTime();
		Matcher type = PROBLEM_TYPE.matcher(response.body());
		return new Answer(response.statusCode(), type.find() ? type.group(1) : null,
				response.headers().firstValue("Retry-After").orElse(null),
				response.headers().firstValue("ETag").orElse(null), start, end);
	}

	@Override
	public void close() {
		this.client.close();
	}

	/**
	 * One response.
	 *
	 * @param status its status
	 * @param problemType the slug of its problem type, or {@code null}
	 * @param retryAfter its Retry-After, or {@code null}
	 * @param etag its ETag, or {@code null}
	 * @param sent when the request was sent ({@link System#nanoTime()})
	 * @param answered when the response was complete
	 */
	record Answer(int status, String problemType, String retryAfter, String etag, long sent, long answered) {

		Duration took() {
			return Duration.ofNanos(this.answered - this.sent);
		}

		boolean succeeded() {
			return this.status == 200 || this.status == 201;
		}

	}

}
