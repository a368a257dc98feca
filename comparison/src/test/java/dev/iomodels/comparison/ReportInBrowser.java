package dev.iomodels.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

import dev.iomodels.comparison.report.ReportFiles;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens a written report in headless Chromium and checks what a reader would see: every
 * chart drawn by ECharts at a readable size, holding every series and point it promises,
 * a hover that shows the hovered value, the tables present, and not one console error.
 * Saves a screenshot of the whole page beside the report. The browser is Debian's
 * {@code chromium}, driven by Selenium through Debian's {@code chromedriver}; without
 * them the check is skipped, except in CI, where it must run.
 */
final class ReportInBrowser {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Reads every chart back from ECharts: its size on the page, whether it drew into a
	 * canvas, and the points of each series as ECharts holds them.
	 */
	private static final String CHARTS = """
			[...document.querySelectorAll('div.chart')].map((element) => {
			  const box = element.getBoundingClientRect();
			  const chart = (typeof echarts === 'undefined') ? null : echarts.getInstanceByDom(element);
			  const canvas = element.querySelector('canvas');
			  const option = chart ? chart.getOption() : { series: [] };
			  return { id: element.id, width: box.width, height: box.height, promised: element.dataset.points,
			    drawn: !!chart && !!canvas && canvas.width > 0,
			    points: option.series.map((series) => (series.data || []).length) };
			})
			""";

	/**
	 * Finds where a chart draws a point of its first series that has a value, in the
	 * window's pixels, and the series' name and the value. Of those points, the one
	 * farthest along the x axis from every point of the other series: a mouse moves by
	 * whole pixels, and on a time axis the tooltip lists only the series whose sample
	 * lies nearest the pointer, so a point within a pixel of another series' sample could
	 * show that series instead. (On a category axis every series shares the x, and the
	 * first point is taken.)
	 */
	private static final String POINT = """
			(() => {
			  const element = document.getElementById('%s');
			  element.scrollIntoView({ block: 'center' });
			  const chart = echarts.getInstanceByDom(element);
			  const all = chart.getOption().series;
			  const hasValue = (point) => point !== null && (Array.isArray(point) ? point[1] !== null : true);
			  const valueOf = (point, i) => Array.isArray(point) ? point
			    : [i, (point !== null && typeof point === 'object') ? point.value : point];
			  const others = [];
			  all.forEach((other, s) => s > 0 && (other.data || []).forEach((point, i) => hasValue(point)
			    && others.push(chart.convertToPixel({ seriesIndex: s }, valueOf(point, i))[0])));
			  let best = null;
			  all[0].data.forEach((point, i) => {
			    if (i === 0 || !hasValue(point)) return;
			    const value = valueOf(point, i);
			    const pixel = chart.convertToPixel({ seriesIndex: 0 }, value);
			    const gap = Math.min(Infinity, ...others.map((x) => Math.abs(x - pixel[0])));
			    if (best === null || gap > best.gap) best = { value, pixel, gap };
			  });
			  const box = element.getBoundingClientRect();
			  return { name: all[0].name, value: best.value[1], x: box.left + best.pixel[0], y: box.top + best.pixel[1] };
			})()
			""";

	private ReportInBrowser() {
	}

	/**
	 * Check a report in the browser and screenshot it.
	 * @param report the report's {@code report.html}
	 * @param expectedCharts how many charts it must have
	 * @param expectedScenarios how many scenario sections it must have
	 * @param expectedPoints for some charts, by id, the points each series must hold, as
	 * the test worked them out from the results
	 * @return the screenshot
	 * @throws Exception if the browser cannot be driven
	 */
	static Path check(Path report, int expectedCharts, int expectedScenarios, Map<String, List<Integer>> expectedPoints)
			throws Exception {
		Path chromium = required("chromium", "CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");
		Path chromedriver = required("chromium-driver", "CHROMEDRIVER", "/usr/bin/chromedriver");
		Path screenshot = report.resolveSibling("report.png");
		ChromeDriver browser = start(chromium, chromedriver);
		try {
			browser.get(report.toUri().toString());
			JsonNode charts = evaluate(browser, CHARTS);
			assertThat(charts).as("charts in %s", report).hasSize(expectedCharts);
			List<String> problems = new ArrayList<>();
			List<String> checked = new ArrayList<>();
			for (JsonNode chart : charts) {
				String id = chart.path("id").asString();
				List<Integer> points = new ArrayList<>();
				chart.path("points").forEach((count) -> points.add(count.asInt()));
				if (!chart.path("drawn").asBoolean()) {
					problems.add(id + " was not drawn by ECharts");
				}
				if (chart.path("width").asDouble() < 400 || chart.path("height").asDouble() < 200) {
					problems.add(id + " is laid out at " + chart.path("width") + " x " + chart.path("height"));
				}
				if (points.isEmpty() || points.stream().mapToInt(Integer::intValue).sum() == 0) {
					problems.add(id + " holds no points");
				}
				String held = String.join(",", points.stream().map(String::valueOf).toList());
				if (!held.equals(chart.path("promised").asString())) {
					problems.add(id + " holds " + held + " points per series, not the " + chart.path("promised")
							+ " it promised");
				}
				if (expectedPoints.containsKey(id)) {
					checked.add(id);
					if (!points.equals(expectedPoints.get(id))) {
						problems.add(id + " holds " + points + " points per series, not " + expectedPoints.get(id));
					}
				}
			}
			assertThat(problems).as("charts that did not render as expected").isEmpty();
			assertThat(checked).as("charts whose points were worked out").hasSameSizeAs(expectedPoints.keySet());
			assertThat(evaluate(browser, "document.querySelectorAll('section.scenario').length").asInt())
				.isEqualTo(expectedScenarios);
			assertThat(evaluate(browser, "document.querySelectorAll('table.winners').length").asInt())
				.isEqualTo(expectedScenarios);
			assertThat(evaluate(browser, "document.querySelectorAll('table.results tr').length").asInt())
				.isGreaterThan(expectedScenarios);
			hover(browser, charts.get(0).path("id").asString());
			hover(browser, evaluate(browser, "document.querySelector('.traces div.chart').id").asString());
			screenshot(browser, screenshot);
			assertThat(errors(browser)).as("console errors").isEmpty();
		}
		finally {
			browser.quit();
		}
		assertThat(screenshot).isNotEmptyFile();
		return screenshot;
	}

	/**
	 * Hover a point of a chart as a reader would, with the mouse, and check that the
	 * tooltip shows its series and its value.
	 */
	private static void hover(ChromeDriver browser, String id) throws Exception {
		JsonNode point = evaluate(browser, POINT.formatted(id));
		String name = point.path("name").asString();
		double value = point.path("value").asDouble();
		// On the point, to the nearest whole pixel as a mouse can be (POINT chose one
		// that
		// no other series' sample lies within a pixel of).
		new Actions(browser)
			.moveToLocation((int) Math.round(point.path("x").asDouble()), (int) Math.round(point.path("y").asDouble()))
			.perform();
		String tooltip = "";
		for (int attempt = 0; attempt < 20 && !tooltip.contains(name + ": "); attempt++) {
			Thread.sleep(100);
			tooltip = evaluate(browser, "[...document.getElementById('" + id
					+ "').querySelectorAll('.tip')].map((line) => line.textContent).join('\\n')")
				.asString();
		}
		assertThat(tooltip).as("tooltip of %s", id).contains(name + ": ");
		String shown = tooltip.lines()
			.filter((line) -> line.startsWith(name + ": "))
			.findFirst()
			.orElseThrow()
			.substring(name.length() + 2)
			.split(" ")[0].replace(",", "");
		assertThat(Double.parseDouble(shown)).as("value in the tooltip of %s: %s", id, tooltip)
			.isCloseTo(value, org.assertj.core.api.Assertions.within(Math.abs(value) * 0.001 + 0.001));
	}

	/**
	 * Work out from a results directory's {@code samples.csv} how many points the
	 * throughput trace of every step must hold: one per sample of each service.
	 * @param directory the results directory
	 * @param services the services, in report order
	 * @return by chart id, the points of each series
	 * @throws IOException if the file cannot be read
	 */
	static Map<String, List<Integer>> tracePointsFromSamples(Path directory, List<String> services) throws IOException {
		Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
		for (String line : Files.readAllLines(directory.resolve(ReportFiles.SAMPLES_CSV)).stream().skip(1).toList()) {
			String[] cells = line.split(",", 4);
			if (services.contains(cells[1])) {
				counts.computeIfAbsent(cells[0] + "-" + cells[2] + "-users-throughput", (id) -> new LinkedHashMap<>())
					.merge(cells[1], 1, Integer::sum);
			}
		}
		Map<String, List<Integer>> expected = new LinkedHashMap<>();
		counts.forEach((id, byService) -> expected.put(id,
				services.stream().filter(byService::containsKey).map(byService::get).toList()));
		return expected;
	}

	/**
	 * Evaluate a script in the page.
	 * @return its value, as JSON
	 */
	private static JsonNode evaluate(ChromeDriver browser, String expression) {
		return JSON.valueToTree(browser.executeScript("return " + expression));
	}

	/**
	 * Take a screenshot of the whole page, not just the window: the window is made as
	 * tall as the page first.
	 */
	private static void screenshot(ChromeDriver browser, Path file) throws IOException {
		int height = evaluate(browser, "document.documentElement.scrollHeight").asInt();
		browser.manage().window().setSize(new Dimension(1280, height));
		Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
	}

	/**
	 * Return what the page said it did wrong: console errors and assertions, failed loads
	 * and uncaught exceptions, which chromedriver logs at {@code SEVERE}.
	 */
	private static List<String> errors(ChromeDriver browser) {
		return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
	}

	/**
	 * Start a fresh headless Chromium on a window of the report's width, with the flags a
	 * machine without a network needs, its errors collected. The driver is given by path,
	 * so Selenium Manager, which would download one, is never asked.
	 */
	private static ChromeDriver start(Path chromium, Path chromedriver) {
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.SEVERE);
		ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-component-update",
					"--hide-scrollbars", "--window-size=1280,900");
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
		return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build(), options);
	}

	/**
	 * Find a program of a Debian package, or where an environment variable says it is;
	 * without it skip the check, except in CI.
	 */
	private static Path required(String debianPackage, String variable, String... paths) {
		Optional<Path> found = Stream.concat(Stream.of(System.getenv(variable)), Stream.of(paths))
			.filter((candidate) -> candidate != null && !candidate.isBlank())
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst();
		if (found.isEmpty()) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(("%s is missing (looked where %s says and at %s): scripts/install-test-tools.sh installs"
						+ " Debian's %s, which CI needs")
					.formatted(debianPackage, variable, String.join(", ", paths), debianPackage));
			}
			assumeTrue(false, "%s is not installed (apt-get install %s); the browser check is skipped"
				.formatted(debianPackage, debianPackage));
		}
		return found.orElseThrow();
	}

}
