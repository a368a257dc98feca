package dev.iomodels.system;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The API page, {@code docs/api.md}, promises that every curl example of its block works
 * against each service, with only the port changed. This test takes that block out of the
 * page as it is, runs it with bash and curl against each of the three jars (replacing the
 * ports 8081 and 9081 by the ones the service got, which is what the page tells a reader
 * to do), and checks each command's answer against what the page's comments say it
 * answers. Then it checks that the three services gave the same answers, bar dates, the
 * objects' timestamps and the ports. An example added to the page without a check here
 * fails the test, and so does one whose answer changed. (The README's few curl lines are
 * taken from this block; {@code DocumentationTests} checks that they still are.)
 */
class ReadmeExamplesIT {

	/** The page whose example block this test runs. */
	static final Path PAGE = Path.of("docs", "api.md");

	static final String BLOCK_INTRODUCTION = "Every example works against each service";

	private static final String MARKER = "@@@ example ";

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private static final Set<String> IGNORED_HEADERS = Set.of("date", "last-modified", "connection", "keep-alive",
			"transfer-encoding");

	private static final List<ServiceProcess> running = new ArrayList<>();

	@BeforeAll
	static void startServices() throws Exception {
		if (!onPath("curl") || !onPath("bash")) {
			String message = "The API examples need bash and curl. "
					+ "Run scripts/install-test-tools.sh (Debian: apt-get install curl).";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message);
			}
			Assumptions.abort(message);
		}
		Path root = Path.of(System.getProperty("project.root"));
		for (Service service : Service.ALL) {
			running.add(ServiceProcess.start(service, service.jar(root, System.getProperty("project.version")),
					Map.of(), Path.of("target", "service-logs")));
		}
	}

	private static boolean onPath(String program) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.anyMatch((directory) -> Files.isExecutable(Path.of(directory, program)));
	}

	@AfterAll
	static void stopServices() throws Exception {
		for (ServiceProcess service : running) {
			service.close();
		}
	}

	@Test
	void everyCurlExampleOfTheApiPageAnswersWhatItSaysInEveryService() throws Exception {
		List<String> commands = examples(Path.of(System.getProperty("project.root")));
		List<Example> examples = expectations();
		assertThat(commands).as("the curl examples of %s, each with its check in this test", PAGE)
			.hasSameSizeAs(examples);
		for (int i = 0; i < commands.size(); i++) {
			assertThat(commands.get(i)).as("example %d", i + 1).contains(examples.get(i).commandContains());
		}
		Map<String, List<String>> answers = new LinkedHashMap<>();
		SoftAssertions softly = new SoftAssertions();
		for (ServiceProcess service : running) {
			List<String> outputs = run(commands, service);
			for (int i = 0; i < commands.size(); i++) {
				String output = outputs.get(i);
				Example example = examples.get(i);
				softly.assertThatCode(() -> example.check().accept(output))
					.as("%s, example %d: %s%n--- output ---%n%s", service.service().shortName(), i + 1, commands.get(i),
							output)
					.doesNotThrowAnyException();
			}
			answers.put(service.service().shortName(), outputs.stream().map(ReadmeExamplesIT::normalize).toList());
		}
		List<String> classic = answers.get("classic");
		for (String other : List.of("loom", "webflux")) {
			for (int i = 0; i < commands.size(); i++) {
				if (examples.get(i).sameInEveryService()) {
					softly.assertThat(answers.get(other).get(i))
						.as("%s vs classic, example %d: %s", other, i + 1, commands.get(i))
						.isEqualTo(classic.get(i));
				}
			}
		}
		softly.assertAll();
	}

	/**
	 * The commands of the API page's example block, one per line, in order; comments and
	 * blank lines left out.
	 * @param root the checkout
	 * @return the commands
	 */
	static List<String> examples(Path root) throws IOException {
		List<String> lines = Files.readAllLines(root.resolve(PAGE));
		int introduction = indexOf(lines, 0, (line) -> line.startsWith(BLOCK_INTRODUCTION));
		int start = indexOf(lines, introduction, (line) -> line.equals("```bash"));
		int end = indexOf(lines, start + 1, (line) -> line.equals("```"));
		return lines.subList(start + 1, end)
			.stream()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.toList();
	}

	private static int indexOf(List<String> lines, int from, Predicate<String> test) {
		for (int i = from; i < lines.size(); i++) {
			if (test.test(lines.get(i))) {
				return i;
			}
		}
		throw new AssertionError(PAGE + " has no line after line " + from + " that the test looks for");
	}

	/**
	 * Runs the commands in one bash process, as a reader pasting the block into a shell
	 * would (a variable set by one line is seen by the next), with a marker line before
	 * each so that the output can be cut per command.
	 */
	private static List<String> run(List<String> commands, ServiceProcess service) throws Exception {
		StringBuilder script = new StringBuilder();
		for (int i = 0; i < commands.size(); i++) {
			String command = commands.get(i)
				.replace("localhost:8081", "localhost:" + service.api().getPort())
				.replace("localhost:9081", "localhost:" + service.management().getPort());
			script.append("printf '\\n").append(MARKER).append(i).append("\\n'\n").append(command).append('\n');
		}
		Path output = Files.createTempFile("api-examples-", ".txt");
		try {
			Process bash = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(false)
				.redirectOutput(output.toFile())
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!bash.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				bash.destroyForcibly();
				throw new AssertionError("the API examples did not finish within " + TIMEOUT);
			}
			String text = Files.readString(output, StandardCharsets.ISO_8859_1);
			List<String> outputs = new ArrayList<>();
			String[] parts = text.split("\n" + Pattern.quote(MARKER) + "\\d+\n", -1);
			for (int i = 1; i < parts.length; i++) {
				outputs.add(parts[i]);
			}
			assertThat(outputs).as("one output per example").hasSize(commands.size());
			return outputs;
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	/**
	 * An answer with what the three services may differ in masked: dates, the objects'
	 * timestamps (each stored them at its own moment) and so the length of a body that
	 * carries them, the ports, the hop-by-hop headers that frame a message on one
	 * connection, the reason phrase, and the order and case of header names.
	 */
	private static String normalize(String output) {
		String text = output.replaceAll("\"(created|modified)\":\"[^\"]+\"", "\"$1\":\"<instant>\"")
			.replaceAll("localhost:\\d+", "localhost:<port>");
		boolean hasTimestamps = text.contains("<instant>");
		int endOfHead = text.indexOf("\r\n\r\n");
		if (!text.startsWith("HTTP/") || endOfHead < 0) {
			return text;
		}
		// Tomcat and Reactor Netty write headers in their own order and spelling.
		List<String> headers = new ArrayList<>();
		String[] head = text.substring(0, endOfHead).split("\r\n");
		for (int i = 1; i < head.length; i++) {
			String name = head[i].substring(0, head[i].indexOf(':')).toLowerCase(Locale.ROOT);
			String value = head[i].substring(head[i].indexOf(':') + 1).trim();
			if (IGNORED_HEADERS.contains(name)) {
				continue;
			}
			if (name.equals("content-length") && hasTimestamps) {
				value = "<length of a body with timestamps>";
			}
			headers.add(name + ": " + value);
		}
		Collections.sort(headers);
		// The reason phrase is not part of the answer (RFC 9112 §4): Tomcat sends none,
		// Reactor Netty sends the standard one.
		String statusCode = head[0].replaceAll("^(HTTP/\\S+ \\d{3}).*", "$1");
		return statusCode + "\n" + String.join("\n", headers) + "\n\n" + text.substring(endOfHead + 4);
	}

	private static List<Example> expectations() {
		return List.of(
				new Example("--data-binary 'hello, world'",
						answers(201, "location: /api/v1/objects/greeting",
								"etag: \"09ca7e4eaa6e8ae9c7d261167129184883644d07dfba7cbfbc4c8a2e08360d5b\"",
								"\"key\":\"greeting\"", "\"size\":12", "\"contentType\":\"text/plain\"")),
				new Example("If-None-Match: *", answers(412, "urn:io-models:problem:precondition-failed")),
				new Example("curl -i http://localhost:8081/api/v1/objects/greeting",
						answers(200, "content-type: text/plain", "content-length: 12", "last-modified: ",
								"\r\n\r\nhello, world")),
				new Example("curl -I", answers(200, "etag: \"09ca7e4e", "content-length: 12")),
				new Example("If-None-Match: $(curl -sI", answers(304, "etag: \"09ca7e4e")),
				new Example("ETAG=$(curl -sI", (output) -> assertThat(output).isEmpty()),
				new Example("'hello again'", answers(200, "\"size\":11")),
				new Example("'lost update'", answers(412, "urn:io-models:problem:precondition-failed")),
				new Example("objects/greeting-2 >/dev/null", (output) -> assertThat(output).isEmpty()),
				new Example("prefix=greeting&limit=1'",
						(output) -> assertThat(output).startsWith("{\"items\":[")
							.contains("\"key\":\"greeting\"")
							.doesNotContain("greeting-2")
							.containsPattern("\"nextCursor\":\"[^\"]+\"")),
				new Example("&cursor=$(curl",
						(output) -> assertThat(output).startsWith("{\"items\":[")
							.contains("\"key\":\"greeting-2\"")
							.contains("\"nextCursor\":null")),
				new Example("-X OPTIONS", answers(200, "allow: ")), new Example("-X DELETE", answers(204)),
				new Example("curl -i http://localhost:8081/api/v1/objects/greeting",
						answers(404, "urn:io-models:problem:not-found")),
				new Example("objects/.hidden", answers(400, "urn:io-models:problem:invalid-key")),
				new Example("limit=5000", answers(400, "urn:io-models:problem:invalid-parameter")),
				new Example("-X POST", answers(405, "allow: ", "urn:io-models:problem:method-not-allowed")),
				new Example("head -c 1048577", answers(413, "urn:io-models:problem:payload-too-large")),
				new Example("api/v1/info", false,
						(output) -> assertThat(output).startsWith("{\"service\":")
							.contains("\"emulatedLatency\":")
							.contains("\"backend\":\"memory\"")),
				new Example("openapi.yaml | head", (output) -> assertThat(output).startsWith("openapi: 3.1")),
				new Example("health/readiness", (output) -> assertThat(output).contains("\"status\":\"UP\"")),
				new Example("actuator/prometheus | head", false,
						(output) -> assertThat(output).contains("# HELP ").contains("# TYPE ")));
	}

	/**
	 * A check of {@code curl -i} output: the status line, then each expected piece
	 * somewhere in the answer, header names compared case-insensitively (HTTP/1.1 header
	 * names are, and Tomcat and Netty spell them differently).
	 */
	private static Consumer<String> answers(int status, String... pieces) {
		return (output) -> {
			Matcher statusLine = Pattern.compile("\\AHTTP/1\\.1 (\\d{3})").matcher(output);
			assertThat(statusLine.find()).as("a status line first").isTrue();
			assertThat(Integer.parseInt(statusLine.group(1))).as("status").isEqualTo(status);
			String lowerCaseHeaders = lowerCaseHeaderNames(output);
			for (String piece : pieces) {
				assertThat(lowerCaseHeaders).contains(piece);
			}
		};
	}

	private static String lowerCaseHeaderNames(String output) {
		Matcher header = Pattern.compile("(?m)^([A-Za-z-]+): ").matcher(output);
		StringBuilder lowered = new StringBuilder();
		while (header.find()) {
			header.appendReplacement(lowered, Matcher.quoteReplacement(header.group(1).toLowerCase() + ": "));
		}
		return header.appendTail(lowered).toString();
	}

	/**
	 * One example's check.
	 *
	 * @param commandContains a piece of the documented command it belongs to, so that the
	 * checks stay aligned with the page
	 * @param sameInEveryService whether the three services must answer it identically
	 * (false for what names the service: its info and its metrics)
	 * @param check the assertions on the command's output
	 */
	private record Example(String commandContains, boolean sameInEveryService, Consumer<String> check) {

		Example(String commandContains, Consumer<String> check) {
			this(commandContains, true, check);
		}

	}

}
