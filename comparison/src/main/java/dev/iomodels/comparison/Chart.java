package dev.iomodels.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chart of one figure against the concurrency steps, drawn as inline SVG so that the
 * report needs no script, no library and no network: lines with a mark per step when
 * there are several steps, grouped bars when there is one. Marks carry a tooltip with the
 * exact figure; a run with failed requests gets a red ring and its success rate beside
 * it.
 *
 * @param id the chart's id in the page
 * @param title the title, with the unit
 * @param categories the x axis: one label per step
 * @param series one line per service (or per service and percentile)
 * @param references reference lines such as the ideal of Little's law, drawn grey and
 * dashed
 */
record Chart(String id, String title, List<String> categories, List<Series> series, List<Reference> references) {

	private static final int WIDTH = 600;

	private static final int HEIGHT = 360;

	private static final int LEFT = 72;

	private static final int RIGHT = 24;

	private static final int BOTTOM = 52;

	private static final String REFERENCE_COLOR = "#6b6b6b";

	private static final String ERROR_COLOR = "#d62728";

	Chart {
		categories = List.copyOf(categories);
		series = List.copyOf(series);
		references = List.copyOf(references);
	}

	/**
	 * Render the chart.
	 * @return an {@code <svg>} element
	 */
	String toSvg() {
		StringBuilder svg = new StringBuilder();
		svg.append("<svg class=\"chart\" id=\"")
			.append(Html.escape(this.id))
			.append("\" data-series=\"")
			.append(drawnSeries())
			.append("\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(HEIGHT)
			.append("\" role=\"img\" aria-labelledby=\"")
			.append(Html.escape(this.id))
			.append("-title\" xmlns=\"http://www.w3.org/2000/svg\">\n");
		svg.append("<title id=\"")
			.append(Html.escape(this.id))
			.append("-title\">")
			.append(Html.escape(this.title))
			.append("</title>\n");
		svg.append(text(12, 22, this.title, "chart-title", "start"));
		int top = legend(svg) + 14;
		Axis axis = Axis.covering(maxValue());
		int plotBottom = HEIGHT - BOTTOM;
		int plotRight = WIDTH - RIGHT;
		for (double tick : axis.ticks()) {
			double y = y(tick, axis, top, plotBottom);
			svg.append(line(LEFT, y, plotRight, y, "grid"));
			svg.append(text(LEFT - 8, y + 4, Format.number(tick), "tick", "end"));
		}
		svg.append(line(LEFT, plotBottom, plotRight, plotBottom, "axis"));
		for (int i = 0; i < this.categories.size(); i++) {
			svg.append(text(x(i), plotBottom + 18, this.categories.get(i), "tick", "middle"));
		}
		svg.append(text((LEFT + plotRight) / 2.0, HEIGHT - 10, "concurrent users", "axis-title", "middle"));
		if (this.categories.size() == 1) {
			bars(svg, axis, top, plotBottom);
		}
		else {
			lines(svg, axis, top, plotBottom);
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	/**
	 * Return how many series have at least one value to draw.
	 * @return the count the browser test expects to find drawn
	 */
	long drawnSeries() {
		return this.series.stream().filter(Series::hasValues).count();
	}

	private void lines(StringBuilder svg, Axis axis, int top, int bottom) {
		for (Reference reference : this.references) {
			svg.append(
					path(reference.values(), axis, top, bottom, "reference", REFERENCE_COLOR, "3 4", reference.name()));
		}
		for (Series series : this.series) {
			if (!series.hasValues()) {
				continue;
			}
			svg.append(path(series.values(), axis, top, bottom, "series", series.color(),
					series.dashed() ? "7 5" : null, series.name()));
			marks(svg, series, axis, top, bottom);
		}
	}

	private void bars(StringBuilder svg, Axis axis, int top, int bottom) {
		List<Series> drawn = this.series.stream().filter(Series::hasValues).toList();
		double groupWidth = (WIDTH - RIGHT - LEFT) * 0.6;
		double barWidth = groupWidth / Math.max(1, drawn.size());
		double start = x(0) - groupWidth / 2;
		for (int i = 0; i < drawn.size(); i++) {
			Series series = drawn.get(i);
			double value = series.values().getFirst();
			double y = y(value, axis, top, bottom);
			double x = start + i * barWidth + 2;
			svg.append(String.format(Locale.ROOT,
					"<rect class=\"series\" data-name=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"%s><title>%s</title></rect>\n",
					Html.escape(series.name()), x, y, barWidth - 4, Math.max(1, bottom - y), series.color(),
					series.dashed() ? " fill-opacity=\"0.55\"" : "", Html.escape(series.tooltips().getFirst())));
			if (series.flagged().getFirst()) {
				svg.append(text(x + (barWidth - 4) / 2, y - 6, series.flagText().getFirst(), "flag", "middle"));
			}
		}
		for (Reference reference : this.references) {
			double value = reference.values().getFirst();
			if (Double.isNaN(value)) {
				continue;
			}
			double y = y(value, axis, top, bottom);
			svg.append(String.format(Locale.ROOT,
					"<path class=\"reference\" d=\"M%.1f %.1fH%.1f\" stroke=\"%s\" stroke-dasharray=\"3 4\" fill=\"none\"><title>%s</title></path>\n",
					(double) LEFT, y, (double) (WIDTH - RIGHT), REFERENCE_COLOR, Html.escape(reference.name())));
		}
	}

	private void marks(StringBuilder svg, Series series, Axis axis, int top, int bottom) {
		for (int i = 0; i < series.values().size(); i++) {
			double value = series.values().get(i);
			if (Double.isNaN(value)) {
				continue;
			}
			double x = x(i);
			double y = y(value, axis, top, bottom);
			boolean flagged = series.flagged().get(i);
			svg.append(String.format(Locale.ROOT,
					"<circle class=\"mark\" cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%d\"><title>%s</title></circle>\n",
					x, y, flagged ? 6 : 4, flagged ? "#fff" : series.color(), flagged ? ERROR_COLOR : series.color(),
					flagged ? 3 : 1, Html.escape(series.tooltips().get(i))));
			if (flagged) {
				svg.append(text(x + 9, y - 8, series.flagText().get(i), "flag", "start"));
			}
		}
	}

	private String path(List<Double> values, Axis axis, int top, int bottom, String cssClass, String color,
			String dashes, String name) {
		StringBuilder d = new StringBuilder();
		boolean penDown = false;
		for (int i = 0; i < values.size(); i++) {
			double value = values.get(i);
			if (Double.isNaN(value)) {
				penDown = false;
				continue;
			}
			d.append(penDown ? 'L' : 'M')
				.append(String.format(Locale.ROOT, "%.1f %.1f", x(i), y(value, axis, top, bottom)));
			penDown = true;
		}
		if (d.isEmpty()) {
			return "";
		}
		return String.format(Locale.ROOT,
				"<path class=\"%s\" data-name=\"%s\" d=\"%s\" stroke=\"%s\" stroke-width=\"%s\"%s fill=\"none\"><title>%s</title></path>\n",
				cssClass, Html.escape(name), d, color, cssClass.equals("series") ? "2.5" : "1.5",
				(dashes != null) ? " stroke-dasharray=\"" + dashes + "\"" : "", Html.escape(name));
	}

	/** Draw the legend below the title; return the y where it ends. */
	private int legend(StringBuilder svg) {
		List<String> entries = new ArrayList<>();
		int x = 12;
		int y = 46;
		for (Series series : this.series) {
			String label = series.hasValues() ? series.name() : series.name() + " (not measured)";
			int width = 34 + label.length() * 7;
			if (x + width > WIDTH - 12) {
				x = 12;
				y += 20;
			}
			entries.add(legendEntry(x, y, label, series.color(), series.dashed() ? "7 5" : null));
			x += width + 10;
		}
		for (Reference reference : this.references) {
			int width = 34 + reference.name().length() * 7;
			if (x + width > WIDTH - 12) {
				x = 12;
				y += 20;
			}
			entries.add(legendEntry(x, y, reference.name(), REFERENCE_COLOR, "3 4"));
			x += width + 10;
		}
		entries.forEach(svg::append);
		return y;
	}

	private static String legendEntry(int x, int y, String label, String color, String dashes) {
		return String.format(Locale.ROOT,
				"<g class=\"legend\"><path d=\"M%d %dH%d\" stroke=\"%s\" stroke-width=\"3\"%s/>%s</g>\n", x, y - 4,
				x + 24, color, (dashes != null) ? " stroke-dasharray=\"" + dashes + "\"" : "",
				text(x + 30, y, label, "legend-label", "start"));
	}

	private double maxValue() {
		double max = 0;
		for (Series series : this.series) {
			for (double value : series.values()) {
				if (!Double.isNaN(value) && !Double.isInfinite(value)) {
					max = Math.max(max, value);
				}
			}
		}
		for (Reference reference : this.references) {
			for (double value : reference.values()) {
				if (!Double.isNaN(value) && !Double.isInfinite(value)) {
					max = Math.max(max, value);
				}
			}
		}
		return max;
	}

	private double x(int index) {
		double width = WIDTH - RIGHT - LEFT;
		return LEFT + (index + 0.5) * width / this.categories.size();
	}

	private static double y(double value, Axis axis, int top, int bottom) {
		return bottom - (value / axis.max()) * (bottom - top);
	}

	private static String line(double x1, double y1, double x2, double y2, String cssClass) {
		return String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
				cssClass, x1, y1, x2, y2);
	}

	private static String text(double x, double y, String text, String cssClass, String anchor) {
		return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>\n",
				cssClass, x, y, anchor, Html.escape(text));
	}

	/**
	 * One line of the chart.
	 *
	 * @param name the legend's name for it
	 * @param color its colour
	 * @param dashed whether it is drawn dashed (e.g. p99 beside a solid p50)
	 * @param values one value per step, {@code NaN} where not measured
	 * @param tooltips one tooltip per step
	 * @param flagged per step, whether the run had failed requests
	 * @param flagText per step, what is written beside a flagged mark
	 */
	record Series(String name, String color, boolean dashed, List<Double> values, List<String> tooltips,
			List<Boolean> flagged, List<String> flagText) {

		Series {
			values = List.copyOf(values);
			tooltips = List.copyOf(tooltips);
			flagged = List.copyOf(flagged);
			flagText = List.copyOf(flagText);
		}

		boolean hasValues() {
			return this.values.stream().anyMatch((value) -> !Double.isNaN(value));
		}

	}

	/**
	 * A reference line: what an ideal or a known limit predicts.
	 *
	 * @param name what it is, for the legend
	 * @param values one value per step
	 */
	record Reference(String name, List<Double> values) {

		Reference {
			values = List.copyOf(values);
		}

	}

	/**
	 * A linear y axis from zero to a round maximum, with round ticks.
	 *
	 * @param max the top of the axis
	 * @param step the distance between ticks
	 */
	record Axis(double max, double step) {

		static Axis covering(double value) {
			if (value <= 0) {
				return new Axis(1, 0.2);
			}
			double rough = value * 1.05 / 5;
			double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
			double step = magnitude * 10;
			for (double factor : new double[] { 1, 2, 2.5, 5, 10 }) {
				if (magnitude * factor >= rough) {
					step = magnitude * factor;
					break;
				}
			}
			return new Axis(Math.ceil(value * 1.05 / step) * step, step);
		}

		List<Double> ticks() {
			List<Double> ticks = new ArrayList<>();
			for (int i = 0; i * this.step <= this.max + this.step / 1000; i++) {
				ticks.add(i * this.step);
			}
			return ticks;
		}

	}

}
