package dev.iomodels.comparison.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One chart of the report: an Apache ECharts option, built here as plain maps and lists
 * and written into the page as JSON, where the page's script hands it to ECharts. The
 * page's script also supplies what JSON cannot carry: the tooltip's formatter and the
 * drawing of error bars ({@code "renderItem": "errorBar"}).
 *
 * @param id the chart's id in the page
 * @param title the title, with the unit
 * @param group charts of one group share their tooltip and zoom (the traces of one step)
 * @param option the ECharts option
 */
record Chart(String id, String title, Optional<String> group, Map<String, Object> option) {

	/** Grey, for what theory predicts. */
	static final String REFERENCE_COLOR = "#6b6b6b";

	/** Red, for runs with failed requests and changes for the worse. */
	static final String ERROR_COLOR = "#d62728";

	Chart {
		option = Map.copyOf(option);
	}

	/**
	 * Return the series of the option.
	 * @return its series, each a map
	 */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> series() {
		return (List<Map<String, Object>>) this.option.get("series");
	}

	/**
	 * Return how many data points each series holds, in order: what the browser test
	 * expects ECharts to hold once it rendered the chart.
	 * @return one count per series
	 */
	List<Integer> points() {
		return series().stream().map((series) -> ((List<?>) series.get("data")).size()).toList();
	}

	/**
	 * Render the chart's place in the page; the page's script draws into it.
	 * @return a {@code <figure>} element
	 */
	String toHtml() {
		return "<figure><div class=\"chart\" id=\"" + Html.escape(this.id) + "\" role=\"img\" aria-label=\""
				+ Html.escape(this.title) + "\" data-series=\"" + series().size() + "\" data-points=\""
				+ String.join(",", points().stream().map(String::valueOf).toList()) + "\"></div></figure>\n";
	}

	/**
	 * Return what the page's script reads to draw this chart.
	 * @return id, group and option
	 */
	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", this.id);
		this.group.ifPresent((name) -> json.put("group", name));
		json.put("option", this.option);
		return json;
	}

	/**
	 * Start an option with what every chart of the report has: the title, the legend, a
	 * tooltip on the axis and the toolbox's PNG export.
	 * @param id the chart's id, the exported file's name
	 * @param title the title
	 * @param unit the unit the tooltip puts after each value
	 * @return the option, to be completed with axes and series
	 */
	static Map<String, Object> option(String id, String title, String unit) {
		Map<String, Object> option = new LinkedHashMap<>();
		option.put("animation", false);
		option.put("title", Map.of("text", title, "left", 8, "top", 4, "textStyle", Map.of("fontSize", 14)));
		option.put("legend", Map.of("top", 28, "left", 8, "right", 64, "type", "scroll"));
		option.put("tooltip", Map.of("trigger", "axis", "unit", unit));
		option.put("toolbox",
				Map.of("right", 8, "top", 2, "feature", Map.of("saveAsImage", Map.of("name", id, "pixelRatio", 2))));
		option.put("grid", Map.of("left", 64, "right", 24, "top", 64, "bottom", 56));
		return option;
	}

	/**
	 * A line of one service.
	 * @param name the legend's name
	 * @param color its colour
	 * @param dashed whether it is dashed (p99 beside a solid p50)
	 * @param data its points: numbers, {@code null} where not measured, or maps for
	 * points with a style of their own
	 * @return the series
	 */
	static Map<String, Object> line(String name, String color, boolean dashed, List<Object> data) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", name);
		series.put("type", "line");
		series.put("data", new ArrayList<>(data));
		series.put("color", color);
		series.put("itemStyle", Map.of("color", color));
		series.put("symbolSize", 7);
		series.put("connectNulls", false);
		series.put("lineStyle", Map.of("color", color, "width", 2.5, "type", dashed ? "dashed" : "solid"));
		return series;
	}

	/**
	 * Error bars from the smallest to the largest value of the repeated runs, named as
	 * the line they belong to so that its legend entry hides both.
	 * @param name the line's name
	 * @param color its colour
	 * @param data one {@code [step index, min, max]} per step that has a range
	 * @return the series
	 */
	static Map<String, Object> errorBars(String name, String color, List<Object> data) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", name);
		series.put("type", "custom");
		series.put("renderItem", "errorBar");
		series.put("color", color);
		series.put("itemStyle", Map.of("color", color));
		series.put("encode", Map.of("x", 0, "y", List.of(1, 2)));
		series.put("z", 3);
		series.put("data", new ArrayList<>(data));
		return series;
	}

	/**
	 * A grey dashed line of what theory predicts at each step.
	 * @param name what it is
	 * @param data one value per step
	 * @return the series
	 */
	static Map<String, Object> reference(String name, List<Object> data) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", name);
		series.put("type", "line");
		series.put("data", new ArrayList<>(data));
		series.put("color", REFERENCE_COLOR);
		series.put("itemStyle", Map.of("color", REFERENCE_COLOR));
		series.put("symbol", "none");
		series.put("lineStyle", Map.of("color", REFERENCE_COLOR, "width", 1.5, "type", "dashed"));
		return series;
	}

	/**
	 * A horizontal grey line at a constant value, such as the cores available.
	 * @param name what it is
	 * @param value where it is
	 * @return a {@code markLine} to add to a series
	 */
	static Map<String, Object> markLine(String name, double value) {
		return Map.of("silent", true, "symbol", "none", "lineStyle",
				Map.of("color", REFERENCE_COLOR, "type", "dashed", "width", 1.5), "label",
				Map.of("formatter", name, "position", "insideEndTop", "color", REFERENCE_COLOR), "data",
				List.of(Map.of("name", name, "yAxis", value)));
	}

	/**
	 * Return a value as JSON can carry it.
	 * @param value a figure
	 * @return the figure, {@code null} if it was not measured
	 */
	static Double value(double value) {
		return (Double.isNaN(value) || Double.isInfinite(value)) ? null : value;
	}

}
