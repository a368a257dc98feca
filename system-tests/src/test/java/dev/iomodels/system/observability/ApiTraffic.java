package dev.iomodels.system.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests that make every meter of a service move: writes (some large enough to make the
 * collector run), reads, listings, deletes, and refusals (400, 404, 412), so that both
 * the success and the error series exist. Bounded in count and in time: a burst of a
 * fixed number of rounds, or a trickle that stops when closed.
 */
final class ApiTraffic implements AutoCloseable {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private static final byte[] SMALL = new byte[4 * 1024];

	private static final byte[] LARGE = new byte[512 * 1024];

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI api;

	private final String prefix;

	private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

	private final AtomicBoolean running = new AtomicBoolean();

	private Thread trickle;

	ApiTraffic(URI api, String prefix) {
		this.api = api;
		this.prefix = prefix;
	}

	/**
	 * Send a fixed number of rounds of the request mix, one after the other (about eight
	 * requests a round).
	 * @param rounds the number of rounds
	 */
	void burst(int rounds) throws IOException, InterruptedException {
		for (int i = 0; i < rounds; i++) {
			round(i, (i % 10 == 0) ? LARGE : SMALL);
		}
	}

	/**
	 * Keep sending rounds, one every {@code pause}, on a thread of its own until
	 * {@link #close()}: rates and percentiles need requests in their window when the
	 * queries run.
	 * @param pause the pause between rounds
	 */
	void startTrickle(Duration pause) {
		this.running.set(true);
		this.trickle = Thread.ofVirtual().name("traffic-" + this.prefix).start(() -> {
			int i = 0;
			while (this.running.get()) {
				try {
					round(i++, SMALL);
					Thread.sleep(pause);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (IOException ex) {
					// The service is stopping; the checks report what they miss.
				}
			}
		});
	}

	/**
	 * Return how many responses of each status the service gave.
	 * @return status to count
	 */
	Map<Integer, Integer> statuses() {
		Map<Integer, Integer> counts = new TreeMap<>();
		this.statuses.forEach((status, count) -> counts.put(status, count.get()));
		return counts;
	}

	@Override
	public void close() throws InterruptedException {
		this.running.set(false);
		if (this.trickle != null) {
			this.trickle.interrupt();
			this.trickle.join(REQUEST_TIMEOUT.toMillis());
		}
		this.client.close();
	}

	private void round(int i, byte[] body) throws IOException, InterruptedException {
		String key = this.prefix + "-" + (i % 50);
		send("PUT", "/api/v1/objects/" + key, body);
		send("GET", "/api/v1/objects/" + key, null);
		send("GET", "/api/v1/objects?prefix=" + this.prefix + "&limit=10", null);
		send("PUT", "/api/v1/objects/" + key, body, "If-None-Match", "*");
		send("DELETE", "/api/v1/objects/" + key, null);
		send("GET", "/api/v1/objects/" + key, null);
		send("GET", "/api/v1/objects/.invalid-key", null);
		send("GET", "/api/v1/info", null);
	}

	private void send(String method, String path, byte[] body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.api.resolve(path))
			.timeout(REQUEST_TIMEOUT)
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		int status = this.client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		this.statuses.computeIfAbsent(status, (s) -> new AtomicInteger()).incrementAndGet();
	}

}
