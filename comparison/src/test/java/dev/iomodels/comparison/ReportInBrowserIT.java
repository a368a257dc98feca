package dev.iomodels.comparison;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report of a recorded comparison, opened in a real browser: three scenarios, one of
 * them with a single step (bars instead of lines) and a run with failed requests.
 */
class ReportInBrowserIT {

	@Test
	void everyChartOfTheReportRendersInChromiumWithoutAConsoleError() throws Exception {
		Path directory = Files.createDirectories(Path.of("target", "report-in-browser"));
		ComparisonReport report = RecordedResults.report();
		ReportFiles.write(report, directory);

		Path screenshot = ReportInBrowser.check(directory.resolve(ReportFiles.REPORT), 8 * report.scenarios().size(),
				report.scenarios().size());

		assertThat(Files.size(screenshot)).isGreaterThan(50_000);
	}

}
