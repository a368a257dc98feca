package dev.iomodels.comparison.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.iomodels.comparison.results.ComparisonReport;
import dev.iomodels.comparison.results.RecordedResults;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link ChartImages}: every chart of the report as an SVG image, drawn by
 * ECharts in the test's JVM, and linked from the summary.
 */
class ChartImagesTests {

	// Kept after the build, to look at.
	private final Path directory = Path.of("target", "chart-images");

	@Test
	void everyChartOfTheReportIsWrittenAsAnSvgImageWithItsTitleAndSeries() throws IOException {
		ComparisonReport report = RecordedResults.report();

		List<ChartImages.Image> images = ChartImages.write(report, Optional.empty(), this.directory);

		// Three scenarios of 3, 3 and 1 steps: eight charts a scenario, seven traces a
		// step.
		assertThat(images).hasSize(3 * 8 + 7 * 7);
		assertThat(images).extracting(ChartImages.Image::file)
			.contains(Path.of("images", "latency-sweep-throughput.svg"),
					Path.of("images", "c10k-10000-users-latency.svg"));
		for (ChartImages.Image image : images) {
			String svg = Files.readString(this.directory.resolve(image.file()));
			assertThat(svg).as(image.file().toString()).startsWith("<svg").endsWith("</svg>");
			assertThat(svg).as(image.file().toString()).contains(escaped(image.title()));
		}
		String throughput = Files.readString(this.directory.resolve("images/latency-sweep-throughput.svg"));
		// The legend names every service; each is drawn in its Grafana colour.
		assertThat(throughput).contains("classic", "loom", "webflux", ServiceColors.of("loom"));
	}

	/** The title as an SVG text carries it. */
	private static String escaped(String title) {
		return title.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	@Test
	void theSummaryLinksEveryImage() {
		String section = MarkdownSummary.images(List.of(
				new ChartImages.Image("Throughput (req/s)", Path.of("images", "latency-sweep-throughput.svg")),
				new ChartImages.Image("Requests in flight", Path.of("images", "c10k-10000-users-in-flight.svg"))));

		assertThat(section).contains("## Charts as images")
			.contains("- [Throughput (req/s) (`latency-sweep-throughput`)](images/latency-sweep-throughput.svg)")
			.contains("- [Requests in flight (`c10k-10000-users-in-flight`)](images/c10k-10000-users-in-flight.svg)");
	}

}
