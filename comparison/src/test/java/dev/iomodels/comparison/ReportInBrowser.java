package dev.iomodels.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.iomodels.comparison.report.ReportFiles;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens a written report in headless Chromium and checks what a reader would see: every
 * chart drawn by ECharts at a readable size, holding every series and point it promises,
 * a hover that shows the hovered value, the tables present, and not one console error.
 * Saves a screenshot of the whole page beside the report. Without Chromium the check is
 * skipped, except in CI, where it must run.
 */
final class ReportInBrowser {

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
	 * window's pixels, and the series' name and the value.
	 */
	private static final String POINT = """
			(() => {
			  const element = document.getElementById('%s');
			  element.scrollIntoView({ block: 'center' });
			  const chart = echarts.getInstanceByDom(element);
			  const series = chart.getOption().series[0];
			  const index = series.data.findIndex((point, i) => i > 0 && point !== null
			    && (Array.isArray(point) ? point[1] !== null : true));
			  const point = series.data[index];
			  const value = Array.isArray(point) ? point : [index, (point !== null && typeof point === 'object') ? point.value : point];
			  const pixel = chart.convertToPixel({ seriesIndex: 0 }, value);
			  const box = element.getBoundingClientRect();
			  return { name: series.name, value: value[1], x: box.left + pixel[0], y: box.top + pixel[1] };
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
		Path executable = chromium();
		Path screenshot = report.resolveSibling("report.png");
		try (HeadlessChromium browser = HeadlessChromium.start(executable)) {
			browser.load(report.toUri());
			JsonNode charts = browser.evaluate(CHARTS);
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
			assertThat(browser.evaluate("document.querySelectorAll('section.scenario').length").asInt())
				.isEqualTo(expectedScenarios);
			assertThat(browser.evaluate("document.querySelectorAll('table.winners').length").asInt())
				.isEqualTo(expectedScenarios);
			assertThat(browser.evaluate("document.querySelectorAll('table.results tr').length").asInt())
				.isGreaterThan(expectedScenarios);
			hover(browser, charts.get(0).path("id").asString());
			hover(browser, browser.evaluate("document.querySelector('.traces div.chart').id").asString());
			browser.screenshot(screenshot);
			assertThat(browser.errors()).as("console errors").isEmpty();
		}
		assertThat(screenshot).isNotEmptyFile();
		return screenshot;
	}

	/**
	 * Hover a point of a chart as a reader would, with the mouse, and check that the
	 * tooltip shows its series and its value.
	 */
	private static void hover(HeadlessChromium browser, String id) throws Exception {
		JsonNode point = browser.evaluate(POINT.formatted(id));
		String name = point.path("name").asString();
		double value = point.path("value").asDouble();
		// Exactly on the point: on a time axis the tooltip lists only the series whose
		// sample
		// lies nearest the pointer, and the services' samples lie at different fractions
		// of
		// a second.
		browser.mouseMove(point.path("x").asDouble(), point.path("y").asDouble());
		String tooltip = "";
		for (int attempt = 0; attempt < 20 && !tooltip.contains(name + ": "); attempt++) {
			Thread.sleep(100);
			tooltip = browser
				.evaluate("[...document.getElementById('" + id
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

	private static Path chromium() {
		boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
		if (HeadlessChromium.executable().isEmpty()) {
			if (ci) {
				fail("Chromium is missing: scripts/install-test-tools.sh installs Debian's chromium, which CI needs");
			}
			assumeTrue(false, "Chromium is not installed (apt-get install chromium); the browser check is skipped");
		}
		return HeadlessChromium.executable().orElseThrow();
	}

}
