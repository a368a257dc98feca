package dev.iomodels.comparison;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens a written report in headless Chromium and checks what a reader would see: every
 * chart laid out at a readable size with every series it promises drawn, the tables
 * present, and not one console error. Saves a screenshot of the whole page beside the
 * report. Without Chromium the check is skipped, except in CI, where it must run.
 */
final class ReportInBrowser {

	/** Counts the charts, their size on the page and the series drawn in each. */
	private static final String CHARTS = """
			[...document.querySelectorAll('svg.chart')].map((svg) => {
			  const box = svg.getBoundingClientRect();
			  const drawn = [...svg.querySelectorAll('.series')]
			    .filter((shape) => { const b = shape.getBBox(); return b.width > 0 || b.height > 0; })
			    .map((shape) => shape.dataset.name);
			  return { id: svg.id, promised: Number(svg.dataset.series), drawn: [...new Set(drawn)].length,
			    width: box.width, height: box.height };
			})
			""";

	private ReportInBrowser() {
	}

	/**
	 * Check a report in the browser and screenshot it.
	 * @param report the report's {@code report.html}
	 * @param expectedCharts how many charts it must have
	 * @param expectedScenarios how many scenario sections it must have
	 * @return the screenshot
	 * @throws Exception if the browser cannot be driven
	 */
	static Path check(Path report, int expectedCharts, int expectedScenarios) throws Exception {
		Path executable = chromium();
		Path screenshot = report.resolveSibling("report.png");
		try (HeadlessChromium browser = HeadlessChromium.start(executable)) {
			browser.load(report.toUri());
			JsonNode charts = browser.evaluate(CHARTS);
			assertThat(charts).as("charts in %s", report).hasSize(expectedCharts);
			List<String> problems = new ArrayList<>();
			for (JsonNode chart : charts) {
				String id = chart.path("id").asString();
				if (chart.path("width").asDouble() < 400 || chart.path("height").asDouble() < 200) {
					problems.add(id + " is laid out at " + chart.path("width") + " x " + chart.path("height"));
				}
				if (chart.path("promised").asInt() < 1
						|| chart.path("drawn").asInt() != chart.path("promised").asInt()) {
					problems.add(id + " drew " + chart.path("drawn") + " of " + chart.path("promised") + " series");
				}
			}
			assertThat(problems).as("charts that did not render").isEmpty();
			assertThat(browser.evaluate("document.querySelectorAll('section.scenario').length").asInt())
				.isEqualTo(expectedScenarios);
			assertThat(browser.evaluate("document.querySelectorAll('table.winners').length").asInt())
				.isEqualTo(expectedScenarios);
			assertThat(browser.evaluate("document.querySelectorAll('table.results tr').length").asInt())
				.isGreaterThan(expectedScenarios);
			browser.screenshot(screenshot);
			assertThat(browser.errors()).as("console errors").isEmpty();
		}
		assertThat(screenshot).isNotEmptyFile();
		return screenshot;
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
