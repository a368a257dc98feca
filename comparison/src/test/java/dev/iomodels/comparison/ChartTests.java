package dev.iomodels.comparison;

import java.util.List;

import dev.iomodels.comparison.Chart.Axis;
import dev.iomodels.comparison.Chart.Reference;
import dev.iomodels.comparison.Chart.Series;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChartTests {

	@Test
	void eachServiceIsALineWithAMarkPerStep() {
		String svg = chart(List.of("50", "200", "800"), series("classic", 1000.0, 1950.0, 1960.0),
				series("loom", 500.0, 2000.0, 3900.0))
			.toSvg();

		assertThat(svg).startsWith("<svg class=\"chart\"").contains("data-series=\"2\"");
		assertThat(count(svg, "<path class=\"series\"")).isEqualTo(2);
		assertThat(count(svg, "<circle class=\"mark\"")).isEqualTo(6);
		assertThat(svg).contains("stroke=\"#3274D9\"", "stroke=\"#56A64B\"");
	}

	@Test
	void anUnmeasuredStepBreaksTheLine() {
		String svg = chart(List.of("a", "b", "c"), series("loom", 1.0, Double.NaN, 3.0)).toSvg();

		String series = svg.substring(svg.indexOf("<path class=\"series\""));
		String d = series.substring(series.indexOf(" d=\"") + 4);
		d = d.substring(0, d.indexOf('"'));
		assertThat(d).startsWith("M").doesNotContain("L");
		assertThat(count(d, "M")).isEqualTo(2);
	}

	@Test
	void aSeriesWithNothingMeasuredIsNamedInTheLegendButNotDrawn() {
		Chart chart = chart(List.of("a", "b"), series("webflux", Double.NaN, Double.NaN), series("loom", 1.0, 2.0));

		assertThat(chart.drawnSeries()).isEqualTo(1);
		assertThat(chart.toSvg()).contains("webflux (not measured)");
	}

	@Test
	void aScenarioWithOneStepIsDrawnAsBars() {
		String svg = chart(List.of("10,000"), series("classic", 1700.0), series("loom", 8000.0)).toSvg();

		assertThat(count(svg, "<rect class=\"series\"")).isEqualTo(2);
	}

	@Test
	void aRunWithFailedRequestsGetsARedRingAndItsSuccessRate() {
		Series failing = new Series("classic", "#3274D9", false, List.of(1700.0, 1800.0), List.of("a", "b"),
				List.of(false, true), List.of("100 % ok", "97.5 % ok"));

		String svg = chart(List.of("a", "b"), failing).toSvg();

		assertThat(svg).contains("stroke=\"#d62728\"", ">97.5 % ok</text>");
	}

	@Test
	void referenceLinesAreDrawnGreyAndDashed() {
		Chart chart = new Chart("c", "Throughput", List.of("50", "200"), List.of(series("loom", 490.0, 1900.0)),
				List.of(new Reference("ideal: users ÷ latency", List.of(500.0, 2000.0))));

		assertThat(chart.toSvg()).contains("<path class=\"reference\"", "stroke-dasharray=\"3 4\"",
				"ideal: users ÷ latency");
	}

	@Test
	void theAxisEndsOnARoundNumberAboveTheHighestValue() {
		assertThat(Axis.covering(3900)).isEqualTo(new Axis(5000, 1000));
		assertThat(Axis.covering(1.42)).isEqualTo(new Axis(1.5, 0.5));
		assertThat(Axis.covering(0).ticks()).isNotEmpty();
		assertThat(Axis.covering(180).ticks()).containsExactly(0.0, 50.0, 100.0, 150.0, 200.0);
	}

	@Test
	void textIsEscaped() {
		Chart chart = new Chart("c", "p50 < p99 & more", List.of("1"), List.of(series("loom", 1.0)), List.of());

		assertThat(chart.toSvg()).contains("p50 &lt; p99 &amp; more").doesNotContain("p50 < p99");
	}

	private static Chart chart(List<String> categories, Series... series) {
		return new Chart("test-chart", "Test", categories, List.of(series), List.of());
	}

	private static Series series(String service, Double... values) {
		List<Double> list = List.of(values);
		return new Series(service, ServiceColors.of(service), false, list, list.stream().map(String::valueOf).toList(),
				list.stream().map((value) -> false).toList(), list.stream().map((value) -> "").toList());
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

}
