package dev.iomodels.comparison;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real headless Chromium, driven over the Chrome DevTools Protocol with the JDK's own
 * WebSocket client: no driver, no browser download, nothing but Debian's
 * {@code chromium}. It is started with the flags a machine without a network needs (no
 * background networking, no component updates, no sync), collects every console message,
 * log entry and uncaught exception, evaluates scripts and takes screenshots.
 */
final class HeadlessChromium implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final Path userDataDirectory;

	private volatile WebSocket socket;

	private final AtomicInteger ids = new AtomicInteger();

	private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

	private final List<JsonNode> events = new CopyOnWriteArrayList<>();

	private HeadlessChromium(Process process, Path userDataDirectory) {
		this.process = process;
		this.userDataDirectory = userDataDirectory;
	}

	/**
	 * Find Chromium: {@code CHROMIUM} from the environment, else Debian's.
	 * @return the executable, if installed
	 */
	static Optional<Path> executable() {
		return Stream.of(System.getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser")
			.filter((candidate) -> candidate != null && !candidate.isBlank())
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst();
	}

	/**
	 * Start Chromium on a fresh profile and connect to its page.
	 * @param executable the Chromium executable
	 * @return the running browser
	 * @throws Exception if it does not start or cannot be connected to
	 */
	static HeadlessChromium start(Path executable) throws Exception {
		Path profile = Files.createTempDirectory("chromium-profile-");
		Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0",
				"--remote-allow-origins=*", "--window-size=1280,900", "about:blank")
			.redirectErrorStream(true)
			.redirectOutput(profile.resolve("chromium.log").toFile())
			.start();
		try {
			int port = devToolsPort(process, profile);
			URI page = pageSocket(port);
			HeadlessChromium browser = new HeadlessChromium(process, profile);
			browser.socket = HttpClient.newHttpClient()
				.newWebSocketBuilder()
				.connectTimeout(Duration.ofSeconds(10))
				.buildAsync(page, new Listener(browser::receive))
				.get(10, TimeUnit.SECONDS);
			browser.send("Runtime.enable", Map.of());
			browser.send("Log.enable", Map.of());
			browser.send("Page.enable", Map.of());
			return browser;
		}
		catch (Exception ex) {
			process.destroyForcibly();
			throw new IllegalStateException(
					"Chromium did not start; its output is in " + profile.resolve("chromium.log"), ex);
		}
	}

	/**
	 * Load a page and wait until its load event.
	 * @param url the page
	 * @throws Exception if it does not load in time
	 */
	void load(URI url) throws Exception {
		int before = this.events.size();
		send("Page.navigate", Map.of("url", url.toString()));
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (this.events.stream()
				.skip(before)
				.anyMatch((event) -> event.path("method").asString("").equals("Page.loadEventFired"))) {
				return;
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException(url + " did not load within " + TIMEOUT);
	}

	/**
	 * Evaluate a script in the page.
	 * @param expression a JavaScript expression
	 * @return its value
	 * @throws Exception if it throws or does not answer
	 */
	JsonNode evaluate(String expression) throws Exception {
		JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
		if (result.has("exceptionDetails")) {
			throw new IllegalStateException("The script threw: " + result.get("exceptionDetails"));
		}
		return result.path("result").path("value");
	}

	/**
	 * Move the mouse to a point of the window, as a reader's hover.
	 * @param x pixels from the window's left
	 * @param y pixels from the window's top
	 * @throws Exception if the browser does not answer
	 */
	void mouseMove(double x, double y) throws Exception {
		send("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
	}

	/**
	 * Take a screenshot of the whole page, not just the window.
	 * @param file where the PNG goes
	 * @throws Exception if it cannot be taken
	 */
	void screenshot(Path file) throws Exception {
		JsonNode metrics = send("Page.getLayoutMetrics", Map.of());
		int height = (int) Math.ceil(metrics.path("cssContentSize").path("height").asDouble(900));
		send("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1280, "height", height, "deviceScaleFactor", 1, "mobile", false));
		JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
		Files.write(file, Base64.getDecoder().decode(shot.path("data").asString()));
	}

	/**
	 * Return what the page said it did wrong: console errors and assertions, error-level
	 * log entries and uncaught exceptions.
	 * @return one line per problem
	 */
	List<String> errors() {
		List<String> errors = new ArrayList<>();
		for (JsonNode event : this.events) {
			JsonNode params = event.path("params");
			switch (event.path("method").asString("")) {
				case "Runtime.consoleAPICalled" -> {
					String type = params.path("type").asString("");
					if (type.equals("error") || type.equals("assert")) {
						errors.add("console." + type + ": " + params.path("args"));
					}
				}
				case "Log.entryAdded" -> {
					if (params.path("entry").path("level").asString("").equals("error")) {
						errors.add("log: " + params.path("entry").path("text").asString("") + " "
								+ params.path("entry").path("url").asString(""));
					}
				}
				case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
				default -> {
				}
			}
		}
		return errors;
	}

	@Override
	public void close() throws Exception {
		try {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// The browser is stopped below either way.
		}
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		try (Stream<Path> files = Files.walk(this.userDataDirectory)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	private JsonNode send(String method, Map<String, Object> params) throws Exception {
		int id = this.ids.incrementAndGet();
		CompletableFuture<JsonNode> answer = new CompletableFuture<>();
		this.pending.put(id, answer);
		String message = JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params));
		this.socket.sendText(message, true).get(10, TimeUnit.SECONDS);
		JsonNode response = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		if (response.has("error")) {
			throw new IllegalStateException(method + " failed: " + response.get("error"));
		}
		return response.path("result");
	}

	private void receive(String message) {
		JsonNode node = JSON.readTree(message);
		if (node.has("id")) {
			CompletableFuture<JsonNode> answer = this.pending.remove(node.get("id").asInt());
			if (answer != null) {
				answer.complete(node);
			}
		}
		else {
			this.events.add(node);
		}
	}

	private static int devToolsPort(Process process, Path profile) throws Exception {
		// With port 0 Chromium picks a free one and writes it to this file.
		Path portFile = profile.resolve("DevToolsActivePort");
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Chromium exited with " + process.exitValue());
			}
			if (Files.isRegularFile(portFile)) {
				List<String> lines = Files.readAllLines(portFile);
				if (!lines.isEmpty() && !lines.getFirst().isBlank()) {
					return Integer.parseInt(lines.getFirst().strip());
				}
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("Chromium did not open its DevTools port within " + TIMEOUT);
	}

	private static URI pageSocket(int port) throws IOException, InterruptedException {
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
					HttpResponse.BodyHandlers.ofString());
			for (JsonNode target : JSON.readTree(response.body())) {
				if (target.path("type").asString("").equals("page")) {
					return URI.create(target.path("webSocketDebuggerUrl").asString());
				}
			}
		}
		throw new IllegalStateException("Chromium has no page to connect to");
	}

	/**
	 * Reassembles the WebSocket's text frames into messages: a screenshot arrives in
	 * many.
	 */
	private static final class Listener implements WebSocket.Listener {

		private final Consumer<String> messages;

		private final StringBuilder partial = new StringBuilder();

		Listener(Consumer<String> messages) {
			this.messages = messages;
		}

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				String message = this.partial.toString();
				this.partial.setLength(0);
				this.messages.accept(message);
			}
			socket.request(1);
			return null;
		}

	}

}
