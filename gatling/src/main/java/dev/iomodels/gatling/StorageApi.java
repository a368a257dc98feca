package dev.iomodels.gatling;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The storage API as the simulations use it: the HTTP protocol, one request builder per
 * operation, and the preload and cleanup of a run's objects (over plain
 * {@code java.net.http}, outside the measured load). Every object of a run has the run's
 * own key prefix, so runs never see each other's objects and the cleanup deletes exactly
 * what the run created.
 */
public final class StorageApi {

	/**
	 * Request names, as they appear in the report and in
	 * {@link GatlingStats#readRequests}.
	 */
	public static final String GET = "GET object";

	public static final String PUT = "PUT object";

	public static final String LIST = "LIST objects";

	public static final String PUT_SCRATCH = "PUT scratch object";

	public static final String DELETE_SCRATCH = "DELETE scratch object";

	private static final String OBJECTS = "/api/v1/objects/";

	private static final int PRELOAD_CONCURRENCY = 100;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI baseUrl;

	private final String prefix;

	private final int keyspace;

	public StorageApi(URI baseUrl, String runName, int keyspace) {
		if (keyspace < 1) {
			throw new IllegalArgumentException("-Dkeyspace must be at least 1");
		}
		this.baseUrl = baseUrl;
		this.prefix = "gatling-" + runName + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())
				+ "-";
		this.keyspace = keyspace;
	}

	/**
	 * The protocol every simulation uses: no warm-up request (Gatling's default one goes
	 * to gatling.io), no HTTP caching (every GET reads the object), and one connection
	 * pool shared by all virtual users, so that the number of open connections follows
	 * the number of requests in flight and a closed-model user that sends one request
	 * does not open and close a connection of its own.
	 * @return the protocol
	 */
	public HttpProtocolBuilder protocol() {
		return http.baseUrl(this.baseUrl.toString()).disableWarmUp().disableCaching().shareConnections();
	}

	/**
	 * One operation of the mix: a GET of a random preloaded object with probability
	 * {@code readRatio}; otherwise three quarters overwrite a random preloaded object
	 * (PUT), one eighth lists a page of the run's keys and one eighth creates a scratch
	 * object and deletes it (PUT then DELETE), so that deletes remove real objects and
	 * never the ones GETs expect. With the default 80 % that is 80 / 15 / 2.5 / 2.5.
	 * @param readRatio the percentage of GETs
	 * @param payload the bytes every PUT stores
	 * @return the operation
	 */
	public ChainBuilder mixedOperation(double readRatio, byte[] payload) {
		double writes = 100 - readRatio;
		List<Choice.WithWeight> choices = new ArrayList<>();
		addChoice(choices, readRatio, read());
		addChoice(choices, writes * 0.75, write(payload));
		addChoice(choices, writes * 0.125, list());
		addChoice(choices, writes * 0.125, createAndDelete(payload));
		return randomSwitch().on(choices);
	}

	private static void addChoice(List<Choice.WithWeight> choices, double weight, ChainBuilder chain) {
		if (weight > 0) {
			choices.add(percent(weight).then(chain));
		}
	}

	/**
	 * GET a random preloaded object; 200 is the only success.
	 * @return the request
	 */
	public ChainBuilder read() {
		return exec((session) -> session.set("key", randomKey()))
			.exec(http(GET).get(OBJECTS + "#{key}").check(status().is(200)));
	}

	/**
	 * PUT (replace) a random preloaded object.
	 * @param payload the bytes to store
	 * @return the request
	 */
	public ChainBuilder write(byte[] payload) {
		return exec((session) -> session.set("key", randomKey())).exec(http(PUT).put(OBJECTS + "#{key}")
			.header("Content-Type", "application/octet-stream")
			.body(ByteArrayBody(payload))
			.check(status().in(200, 201)));
	}

	/**
	 * PUT a random one of several payloads (e.g. 256 KiB to 1 MiB) to a random preloaded
	 * object.
	 * @param payloads the candidates
	 * @return the request
	 */
	public ChainBuilder writeOneOf(List<byte[]> payloads) {
		return exec((session) -> session.set("key", randomKey())
			.set("payload", ThreadLocalRandom.current().nextInt(payloads.size())))
			.exec(http(PUT).put(OBJECTS + "#{key}")
				.header("Content-Type", "application/octet-stream")
				.body(ByteArrayBody((session) -> payloads.get(session.getInt("payload"))))
				.check(status().in(200, 201)));
	}

	/**
	 * List the first page (20 keys) of the run's objects.
	 * @return the request
	 */
	public ChainBuilder list() {
		return exec(http(LIST).get("/api/v1/objects")
			.queryParam("prefix", this.prefix)
			.queryParam("limit", "20")
			.check(status().is(200)));
	}

	/**
	 * Create a scratch object that only this operation knows, then delete it.
	 * @param payload the bytes to store
	 * @return the two requests
	 */
	public ChainBuilder createAndDelete(byte[] payload) {
		return exec((session) -> session.set("scratch", this.prefix + "scratch-" + UUID.randomUUID()))
			.exec(http(PUT_SCRATCH).put(OBJECTS + "#{scratch}")
				.header("Content-Type", "application/octet-stream")
				.body(ByteArrayBody(payload))
				.check(status().is(201)))
			.exec(http(DELETE_SCRATCH).delete(OBJECTS + "#{scratch}").check(status().is(204)));
	}

	/**
	 * Return what every key of this run starts with, for a load generator that builds the
	 * keys itself (the comparison's wrk runs GET {@code prefix + index} for an index
	 * below the keyspace, the keys {@link #preload} stores).
	 * @return e.g. {@code gatling-sweep-1a2b3c4d-}
	 */
	public String keyPrefix() {
		return this.prefix;
	}

	private String randomKey() {
		return key(ThreadLocalRandom.current().nextInt(this.keyspace));
	}

	String key(int index) {
		return this.prefix + index;
	}

	/**
	 * Bytes that do not compress, the same for every run of the same size.
	 * @param size the number of bytes
	 * @return the payload
	 */
	public static byte[] payload(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

	/**
	 * Store the keyspace's objects before the load starts, {@value #PRELOAD_CONCURRENCY}
	 * at a time, cycling through the payloads.
	 * @param payloads what to store
	 */
	public void preload(List<byte[]> payloads) {
		System.out.printf("Preloading %d objects under %s* at %s%n", this.keyspace, this.prefix, this.baseUrl);
		forEachConcurrently(IntStream.range(0, this.keyspace).boxed().toList(), (client, index) -> {
			byte[] payload = payloads.get(index % payloads.size());
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(objectUri(key(index)))
				.header("Content-Type", "application/octet-stream")
				.PUT(HttpRequest.BodyPublishers.ofByteArray(payload))
				.build(), HttpResponse.BodyHandlers.ofString());
			expect(response, 200, 201);
		});
	}

	/**
	 * Delete every object the run created (the preloaded keyspace and any scratch object
	 * a request left behind), however far the run got.
	 */
	public void cleanup() {
		try {
			List<String> keys = listAllKeys();
			forEachConcurrently(keys, (client, key) -> {
				HttpResponse<String> response = client.send(HttpRequest.newBuilder(objectUri(key)).DELETE().build(),
						HttpResponse.BodyHandlers.ofString());
				expect(response, 204, 404);
			});
			System.out.printf("Deleted the run's %d objects under %s*%n", keys.size(), this.prefix);
		}
		catch (RuntimeException ex) {
			// The report matters more than the cleanup: say what is left, do not fail the
			// run.
			System.err.printf("Could not delete the objects under %s* at %s: %s%n", this.prefix, this.baseUrl,
					ex.getMessage());
		}
	}

	private List<String> listAllKeys() {
		List<String> keys = new ArrayList<>();
		try (HttpClient client = newClient()) {
			String cursor = null;
			do {
				String query = "?prefix=" + this.prefix + "&limit=1000"
						+ ((cursor != null) ? "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8) : "");
				HttpResponse<String> response = client.send(
						HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/v1/objects" + query)).build(),
						HttpResponse.BodyHandlers.ofString());
				expect(response, 200);
				JsonNode page = JSON.readTree(response.body());
				page.get("items").forEach((item) -> keys.add(item.get("key").asString()));
				JsonNode next = page.get("nextCursor");
				cursor = (next == null || next.isNull()) ? null : next.asString();
			}
			while (cursor != null);
		}
		catch (IOException ex) {
			throw unreachable(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while listing " + this.prefix, ex);
		}
		return keys;
	}

	private <T> void forEachConcurrently(List<T> items, Exchange<T> exchange) {
		Semaphore permits = new Semaphore(PRELOAD_CONCURRENCY);
		try (HttpClient client = newClient(); ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> futures = new ArrayList<>();
			for (T item : items) {
				futures.add(executor.submit(() -> {
					permits.acquire();
					try {
						exchange.send(client, item);
					}
					finally {
						permits.release();
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw unreachable(io);
			}
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private IllegalStateException unreachable(IOException ex) {
		String hint = (ex instanceof ConnectException)
				? " Is the service running? Start all three with ./run-services, or point -DbaseUrl at it." : "";
		return new IllegalStateException("Cannot reach " + this.baseUrl + ": " + ex + "." + hint, ex);
	}

	private static void expect(HttpResponse<String> response, int... statuses) {
		for (int status : statuses) {
			if (response.statusCode() == status) {
				return;
			}
		}
		throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
				+ response.statusCode() + ": " + response.body());
	}

	private URI objectUri(String key) {
		return URI.create(this.baseUrl + OBJECTS + key);
	}

	private static HttpClient newClient() {
		// HTTP/1.1 like the load itself (the default would try an h2c upgrade).
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	@FunctionalInterface
	private interface Exchange<T> {

		void send(HttpClient client, T item) throws IOException, InterruptedException;

	}

}
