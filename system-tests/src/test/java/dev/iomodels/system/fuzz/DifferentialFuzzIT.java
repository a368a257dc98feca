package dev.iomodels.system.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import dev.iomodels.system.RawHttpAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Differential fuzzing of the three real jars: {@value #DEFAULT_REQUESTS} generated
 * requests ({@link RequestFuzzer}), each sent over a raw socket to classic, loom and
 * webflux alike, in the same order. No answer may be a 5xx, and every service must answer
 * every request with the same status and the same problem {@code type}. How the
 * connection is handled afterwards may differ (Tomcat closes it after some errors), the
 * status and the type may not.
 * <p>
 * The run is seeded: the seed is printed, and {@code -Dfuzz.seed=<seed>} repeats a run
 * exactly ({@code -Dfuzz.requests=<n>} changes its length). A request that fails is made
 * as small as it can be while it still fails, and printed with each service's answer.
 * Everything goes to loopback; the count is bounded, and so is the time: the run stops
 * with a failure if it has not finished within {@link #timeLimit(int)}. The full test run
 * sends {@value #DEFAULT_REQUESTS} (about a minute); the nightly-sized run, 100,000
 * ({@code -Dfuzz.requests=100000}, about ten minutes), is the command in
 * {@code docs/testing.md}.
 */
class DifferentialFuzzIT {

	static final int DEFAULT_REQUESTS = 10_000;

	/**
	 * The time each request may take on average before the run stops: about 3x measured.
	 */
	private static final Duration TIME_PER_REQUEST = Duration.ofMillis(18);

	private static final Duration MIN_TIME_LIMIT = Duration.ofMinutes(3);

	private static final int READ_TIMEOUT_MILLIS = 15_000;

	private static final int MAX_FAILURES_SHOWN = 8;

	/**
	 * How often the objects stored so far are deleted: a long run would otherwise fill
	 * the storage budget (64 MB here) and every write would be a 507 from then on.
	 */
	private static final int CLEAN_EVERY = 5_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\":\"(urn:io-models:problem:[a-z-]+)\"");

	private static final List<ServiceProcess> running = new ArrayList<>();

	private static final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	@BeforeAll
	static void startServices() throws Exception {
		Path root = Path.of(System.getProperty("project.root"));
		for (Service service : Service.ALL) {
			running.add(ServiceProcess.start(service, service.jar(root, System.getProperty("project.version")),
					Map.of("storage.max-bytes", "64MB"), Path.of("target", "service-logs")));
		}
	}

	@AfterAll
	static void stopServices() throws Exception {
		executor.shutdown();
		for (ServiceProcess service : running) {
			service.close();
		}
	}

	@Test
	void everyServiceAnswersEveryGeneratedRequestAlikeAndNeverWithA5xx() throws Exception {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		int count = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
		System.out.println(
				"DifferentialFuzzIT: seed " + seed + ", " + count + " requests (repeat with -Dfuzz.seed=" + seed + ")");
		RequestFuzzer fuzzer = new RequestFuzzer(seed);
		Duration timeLimit = timeLimit(count);
		long deadline = System.nanoTime() + timeLimit.toNanos();
		Map<Integer, Integer> statuses = new java.util.TreeMap<>();
		int fiveHundreds = 0;
		List<String> failures = new ArrayList<>();
		java.util.Set<String> families = new java.util.HashSet<>();
		int failed = 0;
		long started = System.nanoTime();
		for (int i = 1; i <= count; i++) {
			if (System.nanoTime() > deadline) {
				fail("Only " + (i - 1) + " of " + count + " requests within " + timeLimit + " (seed " + seed + ")");
			}
			if (i % CLEAN_EVERY == 0) {
				forgetStoredObjects();
			}
			FuzzRequest request = fuzzer.next();
			Map<String, Answer> answers = sendToAll(request);
			if (!agree(answers)) {
				// Go on to collect a few, since they tend to come in families; one
				// of each set of answers is enough.
				failed++;
				forgetSharedObjects();
				if (!families.add(describe(answers))) {
					continue;
				}
				FuzzRequest smallest = shrink(request);
				failures.add("Request " + i + " of seed " + seed + " is answered differently or with a 5xx.\n"
						+ "Smallest request that still fails:\n    " + smallest + "\n" + describe(sendToAll(smallest))
						+ "As generated:\n    " + request + "\n" + describe(answers));
				forgetSharedObjects();
				if (failures.size() == MAX_FAILURES_SHOWN) {
					break;
				}
				continue;
			}
			Answer answer = answers.values().iterator().next();
			statuses.merge(answer.status(), 1, Integer::sum);
			if (answer.status() >= 500) {
				fiveHundreds++;
			}
		}
		if (!failures.isEmpty()) {
			fail(failed + " failing requests (seed " + seed + "), one of each kind:\n\n" + String.join("\n", failures));
		}
		System.out.printf(
				"DifferentialFuzzIT: %d requests to each of %d services in %d s, %d answered 5xx; " + "statuses %s%n",
				count, running.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds(), fiveHundreds,
				statuses);
		assertThat(fiveHundreds).isZero();
	}

	/**
	 * Return how long a run of this many requests may take: 3 minutes for the 10,000 of
	 * the full test run, 30 for the 100,000 of the nightly-sized run.
	 */
	static Duration timeLimit(int count) {
		Duration scaled = TIME_PER_REQUEST.multipliedBy(count);
		return (scaled.compareTo(MIN_TIME_LIMIT) > 0) ? scaled : MIN_TIME_LIMIT;
	}

	/**
	 * Delete every object stored so far, on every service: list them on one (they hold
	 * the same ones, or the run has already failed) and delete each on all.
	 */
	private static void forgetStoredObjects() throws Exception {
		ServiceProcess first = running.get(0);
		byte[] list = "GET /api/v1/objects?limit=1000 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		for (int page = 0; page < 200; page++) {
			RawHttpAccess.Reply reply = RawHttpAccess.exchange(first.api(), list, "GET", READ_TIMEOUT_MILLIS);
			assertThat(reply.status()).as("listing to clean up").isEqualTo(200);
			JsonNode items = JSON.readTree(reply.body()).path("items");
			if (items.isEmpty()) {
				return;
			}
			for (JsonNode item : items) {
				sendToAll(FuzzRequest.of("DELETE", "/api/v1/objects/" + encode(item.path("key").stringValue())));
			}
		}
	}

	private static String encode(String key) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(java.util.HexFormat.of().withUpperCase().toHexDigits(b));
			}
		}
		return encoded.toString();
	}

	/**
	 * Delete the objects that many generated requests share, so that a request the
	 * services answered differently does not leave them in different states and make
	 * every later request on those keys differ too.
	 */
	private static void forgetSharedObjects() throws Exception {
		for (String key : RequestFuzzer.SHARED_KEYS) {
			sendToAll(FuzzRequest.of("DELETE", "/api/v1/objects/" + key));
		}
	}

	private static boolean agree(Map<String, Answer> answers) {
		Answer first = answers.values().iterator().next();
		return answers.values().stream().allMatch((answer) -> answer.equals(first) && answer.status() < 500);
	}

	/**
	 * Make a failing request smaller while it still fails: drop headers one at a time,
	 * halve the body, shorten the target. Greedy, and bounded in attempts.
	 */
	private static FuzzRequest shrink(FuzzRequest failing) throws Exception {
		FuzzRequest smallest = failing;
		for (int attempt = 0; attempt < 40; attempt++) {
			FuzzRequest smaller = null;
			for (FuzzRequest candidate : smallerThan(smallest)) {
				if (!agree(sendToAll(candidate))) {
					smaller = candidate;
					break;
				}
			}
			if (smaller == null) {
				return smallest;
			}
			smallest = smaller;
		}
		return smallest;
	}

	private static List<FuzzRequest> smallerThan(FuzzRequest request) {
		List<FuzzRequest> candidates = new ArrayList<>();
		for (int i = 0; i < request.headers().size(); i++) {
			List<String[]> fewer = new ArrayList<>(request.headers());
			fewer.remove(i);
			candidates.add(request.withHeaders(fewer));
		}
		if (request.body() != null && request.body().length > 1) {
			candidates.add(request.withBody(java.util.Arrays.copyOf(request.body(), request.body().length / 2)));
		}
		String target = request.target();
		int cut = target.lastIndexOf('/');
		if (target.length() > 20 && cut > 0 && cut < target.length() - 1) {
			String tail = target.substring(cut + 1);
			candidates.add(request.withTarget(target.substring(0, cut + 1) + tail.substring(tail.length() / 2)));
			candidates.add(request.withTarget(target.substring(0, cut + 1) + tail.substring(0, tail.length() / 2)));
		}
		return candidates;
	}

	private static Map<String, Answer> sendToAll(FuzzRequest request) throws Exception {
		byte[] wire = request.bytes();
		Map<String, Future<Answer>> pending = new LinkedHashMap<>();
		for (ServiceProcess service : running) {
			pending.put(service.service().shortName(), executor.submit(() -> answer(service, wire, request.method())));
		}
		Map<String, Answer> answers = new LinkedHashMap<>();
		for (Map.Entry<String, Future<Answer>> entry : pending.entrySet()) {
			answers.put(entry.getKey(), entry.getValue().get());
		}
		return answers;
	}

	private static Answer answer(ServiceProcess service, byte[] wire, String method) {
		try {
			RawHttpAccess.Reply reply = RawHttpAccess.exchange(service.api(), wire, method, READ_TIMEOUT_MILLIS);
			Matcher type = PROBLEM_TYPE.matcher(reply.body());
			return new Answer(reply.status(), type.find() ? type.group(1) : null, null);
		}
		catch (IOException | RuntimeException ex) {
			return new Answer(0, null, ex.getClass().getSimpleName());
		}
	}

	private static String describe(Map<String, Answer> answers) {
		StringBuilder text = new StringBuilder();
		answers
			.forEach((service, answer) -> text.append("  ").append(service).append(": ").append(answer).append('\n'));
		return text.toString();
	}

	/**
	 * What is compared of a response: the status and the problem type.
	 *
	 * @param status the status, or 0 if there was no response
	 * @param type the problem type, or {@code null} if the body is not a problem
	 * @param failure why there was no response, for the failure message only
	 */
	record Answer(int status, String type, String failure) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Answer answer && answer.status == this.status
					&& Objects.equals(answer.type, this.type);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.status, this.type);
		}

		@Override
		public String toString() {
			return (this.status == 0) ? "no response (" + this.failure + ")"
					: this.status + ((this.type != null) ? " " + this.type : " (no problem body)");
		}

	}

}
