package dev.iomodels.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import dev.iomodels.system.RawHttp.Request;
import dev.iomodels.system.RawHttp.Response;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fairness promise, checked on the real jars: the same request sequence gets the same
 * status, headers and body from classic-service, loom-service and webflux-service. Only
 * what must differ is left out of the comparison: {@code Date}, the timestamps of the
 * objects (each service stored them at its own moment), and the hop-by-hop headers that
 * frame a message on one connection ({@code Connection}, {@code Keep-Alive},
 * {@code Transfer-Encoding}), which RFC 9110 §7.6.1 says are not part of the message.
 */
class CrossServiceDifferentialIT {

	private static final Set<String> IGNORED_HEADERS = Set.of("date", "connection", "keep-alive", "transfer-encoding");

	private static final Pattern JSON_TIMESTAMP = Pattern
		.compile("\"(created|modified)\":\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\"");

	private static final List<ServiceProcess> running = new ArrayList<>();

	@BeforeAll
	static void startServices() throws Exception {
		Path root = Path.of(System.getProperty("project.root"));
		for (Service service : Service.ALL) {
			running.add(ServiceProcess.start(service, service.jar(root, System.getProperty("project.version")),
					Map.of("storage.max-bytes", "16MB"), Path.of("target", "service-logs")));
		}
	}

	@AfterAll
	static void stopServices() throws Exception {
		for (ServiceProcess service : running) {
			service.close();
		}
	}

	@Test
	void theSameRequestSequenceGetsTheSameAnswersFromEveryService() throws Exception {
		List<Request> sequence = sequence();
		Map<String, List<String>> answers = new LinkedHashMap<>();
		for (ServiceProcess service : running) {
			List<String> normalized = new ArrayList<>();
			for (Request request : sequence) {
				normalized.add(request + "\n" + normalize(RawHttp.exchange(service.api(), request)));
			}
			answers.put(service.service().shortName(), normalized);
		}
		// Every difference at once, not just the first: they tend to come in families.
		SoftAssertions differences = new SoftAssertions();
		List<String> reference = answers.get("classic");
		for (String service : List.of("loom", "webflux")) {
			List<String> other = answers.get(service);
			for (int i = 0; i < sequence.size(); i++) {
				differences.assertThat(other.get(i))
					.as("%s vs classic for request %d", service, i + 1)
					.isEqualTo(reference.get(i));
			}
		}
		differences.assertAll();
	}

	@Test
	void infoDiffersOnlyInWhatNamesTheServiceItsModelAndItsTransport() throws Exception {
		List<String> shapes = new ArrayList<>();
		for (ServiceProcess service : running) {
			String info = RawHttp.exchange(service.api(), Request.of("GET", "/api/v1/info")).bodyText();
			// The transport is each server's own (nio on Tomcat, epoll on Reactor Netty).
			shapes
				.add(info.replaceAll("\"(service|model|workers|name|mechanism|pattern|observed|transport)\":\"[^\"]*\"",
						"\"$1\":_")
					.replaceAll("\"workerThreads\":\\d+", "\"workerThreads\":_"));
		}
		assertThat(shapes).as("info with the service's name, model and transport masked").containsOnly(shapes.get(0));
	}

	private static String normalize(Response response) {
		String text = response.bodyText();
		String body = JSON_TIMESTAMP.matcher(text).replaceAll("\"$1\":\"<instant>\"");
		// An instant is written with as many fraction digits as it needs (.12Z, .123Z),
		// so a
		// body with timestamps varies in length from run to run: check its Content-Length
		// against the body here and leave the number out of the comparison.
		boolean hasTimestamps = !body.equals(text);
		Map<String, List<String>> headers = new TreeMap<>();
		for (Map.Entry<String, String> header : response.headers()) {
			String name = header.getKey();
			String value = header.getValue();
			if (IGNORED_HEADERS.contains(name)) {
				continue;
			}
			if (name.equals("last-modified")) {
				value = "<date>";
			}
			if (name.equals("content-length") && hasTimestamps) {
				assertThat(Integer.parseInt(value)).as("Content-Length").isEqualTo(response.body().length);
				value = "<length of the body>";
			}
			headers.computeIfAbsent(name, (k) -> new ArrayList<>()).add(value);
		}
		return response.status() + " " + headers + "\n" + body;
	}

	private static List<Request> sequence() {
		byte[] hello = "hello, world".getBytes(StandardCharsets.UTF_8);
		String helloEtag = "\"09ca7e4eaa6e8ae9c7d261167129184883644d07dfba7cbfbc4c8a2e08360d5b\"";
		byte[] oneMiB = new byte[1024 * 1024];
		byte[] oneMiBPlusOne = new byte[1024 * 1024 + 1];
		return List.of(
				// Writes, reads and preconditions
				Request.of("PUT", "/api/v1/objects/diff-a", "Content-Type", "text/plain").withBody(hello),
				Request.of("PUT", "/api/v1/objects/diff-a", "Content-Type", "text/plain").withBody(hello),
				Request.of("GET", "/api/v1/objects/diff-a"), Request.of("HEAD", "/api/v1/objects/diff-a"),
				Request.of("GET", "/api/v1/objects/diff-a", "If-None-Match", helloEtag),
				Request.of("GET", "/api/v1/objects/diff-a", "If-None-Match", "W/" + helloEtag),
				Request.of("GET", "/api/v1/objects/diff-a", "If-None-Match", "\"other\""),
				Request.of("PUT", "/api/v1/objects/diff-a", "If-None-Match", "*").withBody(hello),
				Request.of("PUT", "/api/v1/objects/diff-a", "If-Match", "\"stale\"").withBody(hello),
				Request.of("PUT", "/api/v1/objects/diff-a", "If-Match", helloEtag).withBody(hello),
				Request.of("PUT", "/api/v1/objects/diff-a", "If-Match", "no-quotes").withBody(hello),
				Request.of("PUT", "/api/v1/objects/diff-b", "Content-Type", "nonsense").withBody(hello),
				Request.of("PUT", "/api/v1/objects/diff-c", "Content-Type", "text/plain; charset=utf-8")
					.withBody(hello),
				Request.of("GET", "/api/v1/objects/diff-c"),
				Request.of("PUT", "/api/v1/objects/diff-e", "Content-Type", "Text/HTML; Level=1; Charset=\"UTF-8\"")
					.withBody(hello),
				Request.of("GET", "/api/v1/objects/diff-e"), Request.of("HEAD", "/api/v1/objects/diff-e"),
				Request.of("PUT", "/api/v1/objects/diff-f", "Content-Type", "text/plain; charset=x-unknown")
					.withBody(hello),
				Request.of("PUT", "/api/v1/objects/diff-d", "Content-Type", "application/x-www-form-urlencoded")
					.withBody("a=1&b=2".getBytes(StandardCharsets.US_ASCII)),
				Request.of("GET", "/api/v1/objects/diff-d"),
				Request.of("PUT", "/api/v1/objects/photo.bin").withBody(new byte[] { 1, 2, 3 }),
				Request.of("GET", "/api/v1/objects/photo.bin"),
				Request.of("PUT", "/api/v1/objects/empty").withBody(new byte[0]),
				Request.of("GET", "/api/v1/objects/empty"),
				// Limits
				Request.of("PUT", "/api/v1/objects/diff-max").withBody(oneMiB),
				Request.of("PUT", "/api/v1/objects/diff-too-big").withBody(oneMiBPlusOne),
				Request.of("GET", "/api/v1/objects/diff-too-big"), Request.of("DELETE", "/api/v1/objects/diff-max"),
				// Listing
				Request.of("GET", "/api/v1/objects?prefix=diff-&limit=2"),
				Request.of("GET", "/api/v1/objects?prefix=diff-&limit=2&cursor=djE6ZGlmZi1j"),
				Request.of("GET", "/api/v1/objects?limit=0"), Request.of("GET", "/api/v1/objects?limit=2&limit=x"),
				Request.of("GET", "/api/v1/objects?cursor=%21%21"), Request.of("GET", "/api/v1/objects?prefix=a%2Fb"),
				Request.of("GET", "/api/v1/objects", "Accept", "text/plain"),
				Request.of("GET", "/api/v1/objects", "Accept", "application/json"),
				// Keys and paths
				Request.of("GET", "/api/v1/objects/.hidden"), Request.of("GET", "/api/v1/objects/-x"),
				Request.of("GET", "/api/v1/objects/a%2Fb"), Request.of("GET", "/api/v1/objects/%C3%A9"),
				Request.of("GET", "/api/v1/objects/%41bc"), Request.of("GET", "/api/v1/objects/a%00b"),
				Request.of("GET", "/api/v1/objects/.."), Request.of("GET", "/api/v1/objects/%2e%2e"),
				Request.of("GET", "/api/v1/objects/a%zz"), Request.of("GET", "/api/v1/objects/" + "k".repeat(257)),
				Request.of("PUT", "/api/v1/objects/").withBody(hello), Request.of("HEAD", "/api/v1/objects/"),
				Request.of("POST", "/api/v1/objects/"), Request.of("OPTIONS", "/api/v1/objects/"),
				// Methods and unknown paths
				Request.of("POST", "/api/v1/objects/diff-a"), Request.of("PATCH", "/api/v1/objects/diff-a"),
				Request.of("POST", "/api/v1/objects/a%1Fb"), Request.of("OPTIONS", "/api/v1/objects/diff-a"),
				Request.of("PUT", "/api/v1/objects/diff-g", "Accept", "text/plain").withBody(hello),
				Request.of("GET", "/api/v1/objects/diff-g"), Request.of("DELETE", "/api/v1/objects"),
				Request.of("GET", "/api/v1/nope"), Request.of("GET", "/actuator/health"), Request.of("GET", "/"),
				Request.of("GET", "/api/v1/openapi.yaml"),
				// Deletes
				Request.of("DELETE", "/api/v1/objects/diff-a", "If-Match", "\"stale\""),
				Request.of("DELETE", "/api/v1/objects/diff-a"), Request.of("GET", "/api/v1/objects/diff-a"),
				Request.of("DELETE", "/api/v1/objects/diff-a"));
	}

}
