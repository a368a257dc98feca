package dev.iomodels.comparison.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.iomodels.comparison.results.RecordedResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsIndexTests {

	@TempDir
	Path directory;

	@Test
	void theIndexOfAResultsDirectoryLinksEveryRunNewestFirst() throws IOException {
		Path results = this.directory.resolve("results");
		ReportFiles.write(RecordedResults.report(), results.resolve("20261124-120000"));
		Files.createDirectories(results.resolve("not-a-run"));

		ResultsIndex.update(results.resolve("20261124-120000"));

		String index = Files.readString(results.resolve("index.html"));
		assertThat(index)
			.contains("<a href=\"20261124-120000/report.html\">20261124-120000</a>", "2026-11-24T12:00:00Z", "abc1234",
					"2 cores, Java 25.0.3+9-LTS", "./compare --against results/")
			.doesNotContain("not-a-run");
	}

	@Test
	void aRunOutsideAResultsDirectoryIsNotIndexed() throws IOException {
		ReportFiles.write(RecordedResults.report(), this.directory.resolve("out"));

		ResultsIndex.update(this.directory.resolve("out"));

		assertThat(this.directory.resolve("index.html")).doesNotExist();
	}

}
