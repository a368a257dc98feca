package dev.iomodels.comparison.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.results.ComparisonReport;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every chart of a report as a static SVG file ({@code images/<chart id>.svg}) to
 * paste into an issue or a blog post, drawn by the very ECharts the page uses, in its
 * server-side mode (an SVG string, no DOM), run in the comparison's own JVM by GraalJS:
 * no browser and no Node.js. Without a Graal JIT the script engine interprets, which
 * takes a few seconds to load the library and a fraction of a second a chart, once, after
 * the load has ended. The images have no tooltip or zoom; {@code summary.md} links them.
 */
public final class ChartImages implements AutoCloseable {

	/** The images' folder in the results directory. */
	public static final String DIRECTORY = "images";

	private static final int WIDTH = 900;

	private static final int HEIGHT = 380;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// What JSON cannot carry is added as on the page; what only serves a pointer
	// (tooltip,
	// toolbox, zoom) is dropped; the chart is drawn once, without animation.
	private static final String RENDER = """
			(function (json, width, height) {
			  var option = JSON.parse(json);
			  delete option.tooltip;
			  delete option.toolbox;
			  delete option.dataZoom;
			  option.animation = false;
			  option.series.forEach(function (series) {
			    if (series.renderItem === 'errorBar') { series.renderItem = errorBar; }
			  });
			  var chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: width, height: height });
			  try {
			    chart.setOption(option);
			    return chart.renderToSVGString();
			  } finally {
			    chart.dispose();
			  }
			})
			""";

	private final Context context;

	private final Value render;

	private ChartImages(Echarts echarts) {
		this.context = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
		// The library's bundle looks for a global object and for timers, which a drawing
		// without animation never fires.
		this.context.eval("js", "var self = globalThis; globalThis.setTimeout = function () { return 0; };"
				+ " globalThis.clearTimeout = function () {};");
		this.context.eval(Source.create("js", echarts.script()));
		this.context.eval("js", ReportScript.ERROR_BAR);
		this.render = this.context.eval("js", RENDER);
	}

	/**
	 * Write the images of every chart of a report.
	 * @param report the comparison
	 * @param earlier the run compared against, drawn dotted as on the page
	 * @param directory the results directory
	 * @return the images written, relative to the results directory, in report order
	 * @throws IOException if an image cannot be written
	 */
	public static List<Image> write(ComparisonReport report, Optional<EarlierRun> earlier, Path directory)
			throws IOException {
		List<Chart> charts = new ArrayList<>();
		for (Scenario scenario : report.scenarios()) {
			charts.addAll(ScenarioCharts.of(report, scenario, earlier));
			for (int users : scenario.users()) {
				charts.addAll(StepTraces.of(report, scenario, users));
			}
		}
		Files.createDirectories(directory.resolve(DIRECTORY));
		List<Image> images = new ArrayList<>(charts.size());
		try (ChartImages drawing = new ChartImages(Echarts.load())) {
			for (Chart chart : charts) {
				Path file = Path.of(DIRECTORY, chart.id() + ".svg");
				Files.writeString(directory.resolve(file), drawing.svg(chart), StandardCharsets.UTF_8);
				images.add(new Image(chart.title(), file));
			}
		}
		return images;
	}

	/**
	 * Draw one chart.
	 * @param chart the chart
	 * @return the SVG document
	 */
	String svg(Chart chart) {
		return this.render.execute(JSON.writeValueAsString(chart.option()), WIDTH, HEIGHT).asString();
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * A chart's image.
	 *
	 * @param title the chart's title
	 * @param file the SVG file, relative to the results directory
	 */
	public record Image(String title, Path file) {

	}

}
