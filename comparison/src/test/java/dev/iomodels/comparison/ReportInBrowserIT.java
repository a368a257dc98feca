package dev.iomodels.comparison;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.iomodels.comparison.report.ReportFiles;
import dev.iomodels.comparison.results.ComparisonReport;
import dev.iomodels.comparison.results.RecordedResults;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report of a recorded comparison, opened in a real browser: three scenarios, one of
 * them with a single step and a run with failed requests, and the per-second traces of
 * all seven steps.
 */
class ReportInBrowserIT {

	@Test
	void everyChartOfTheReportRendersInChromiumWithoutAConsoleError() throws Exception {
		Path directory = Files.createDirectories(Path.of("target", "report-in-browser"));
		ComparisonReport report = RecordedResults.report();
		ReportFiles.write(report, directory);

		int steps = report.scenarios().stream().mapToInt((scenario) -> scenario.users().size()).sum();
		Path screenshot = ReportInBrowser.check(directory.resolve(ReportFiles.REPORT),
				8 * report.scenarios().size() + 7 * steps, report.scenarios().size(), expectedPoints(report));

		assertThat(Files.size(screenshot)).isGreaterThan(50_000);
	}

	/**
	 * Work out from the results how many points some charts must hold: a line per service
	 * with a point per step; a trace per service with a point per sample.
	 */
	static Map<String, List<Integer>> expectedPoints(ComparisonReport report) {
		Map<String, List<Integer>> expected = new LinkedHashMap<>();
		for (Scenario scenario : report.scenarios()) {
			int services = report.services().size();
			// Three lines and the reference lines (ideal, and the pool when classic's
			// pool is known) where the scenario waits.
			List<Integer> throughput = new ArrayList<>(Collections.nCopies(services, scenario.users().size()));
			if (scenario.waits()) {
				throughput.addAll(Collections.nCopies(report.classicPoolSize(scenario).isPresent() ? 2 : 1,
						scenario.users().size()));
			}
			expected.put(scenario.id() + "-throughput", throughput);
			expected.put(scenario.id() + "-cpu-per-request", Collections.nCopies(services, scenario.users().size()));
			for (int users : scenario.users()) {
				List<Integer> samples = report.step(scenario, users)
					.stream()
					.map((result) -> result.samples().size())
					.toList();
				String group = scenario.id() + "-" + users + "-users";
				expected.put(group + "-throughput", samples);
				List<Integer> twice = new ArrayList<>(samples);
				twice.addAll(samples);
				expected.put(group + "-cpu", twice);
				expected.put(group + "-memory", twice);
				expected.put(group + "-in-flight", samples);
			}
		}
		return expected;
	}

}
