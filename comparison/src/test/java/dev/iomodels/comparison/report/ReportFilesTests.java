package dev.iomodels.comparison.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.iomodels.comparison.results.RecordedResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFilesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path directory;

	@Test
	void everyFileIsWritten() throws IOException {
		ReportFiles.write(RecordedResults.report(), this.directory);

		assertThat(this.directory.resolve("report.html")).isNotEmptyFile();
		assertThat(this.directory.resolve("summary.md")).isNotEmptyFile();
		assertThat(this.directory.resolve("results.csv")).isNotEmptyFile();
		assertThat(this.directory.resolve("results.json")).isNotEmptyFile();
		assertThat(this.directory.resolve("samples.csv")).isNotEmptyFile();
		assertThat(this.directory.resolve("environment.json")).isNotEmptyFile();
	}

	@Test
	void theCsvAndTheJsonHaveOneRowPerServiceAndStepWithTheSameColumns() throws IOException {
		ReportFiles.write(RecordedResults.report(), this.directory);

		List<String> csv = Files.readAllLines(this.directory.resolve("results.csv"));
		List<Map<String, Object>> json = JSON.readValue(this.directory.resolve("results.json").toFile(),
				new TypeReference<>() {
				});
		assertThat(csv).hasSize(1 + 3 * 3 + 3 * 3 + 3);
		assertThat(json).hasSize(csv.size() - 1);
		assertThat(csv.getFirst().split(",")).containsExactlyElementsOf(json.getFirst().keySet());
		assertThat(csv.getFirst()).startsWith("scenario,service,model,transport,emulatedLatencyMs,users,")
			.contains("requestsOk,requestsKo,successRate,requestsPerSecond", "latencyMinMs,latencyP50Ms,latencyP90Ms",
					"latencyP99Ms,latencyMaxMs", "cpuCores", "rssMaxMiB", "heapMaxMiB", "platformThreadsMax",
					"virtualThreadsMax", "gcPauses,gcPauseMs");
	}

	@Test
	void gcFiguresInTheRowsAreIncreasesOverTheStep() throws IOException {
		ReportFiles.write(RecordedResults.report(), this.directory);

		List<Map<String, Object>> json = JSON.readValue(this.directory.resolve("results.json").toFile(),
				new TypeReference<>() {
				});
		// The recorded counters go from 3 to 6 pauses and from 0.05 s to 0.09 s over the
		// step.
		assertThat(json.getFirst()).containsEntry("gcPauses", 3.0).containsEntry("gcPauseMs", 40.0);
	}

	@Test
	void aClassicRunWithFailedRequestsShowsItsSuccessRate() throws IOException {
		ReportFiles.write(RecordedResults.report(), this.directory);

		String csv = Files.readString(this.directory.resolve("results.csv"));
		assertThat(csv).contains("c10k,classic,platform-threads,nio,1000,10000,30,50000,1250,0.97561,");
		assertThat(Files.readString(this.directory.resolve("summary.md"))).contains("1,700.0 req/s (97.56 % ok)");
	}

	@Test
	void theReportIsSelfContained() throws IOException {
		ReportFiles.write(RecordedResults.report(), this.directory);

		String html = Files.readString(this.directory.resolve("report.html"));
		// Every script is inline: ECharts, the charts' options and the page's own.
		assertThat(count(html, "<script")).isEqualTo(3);
		assertThat(html).contains("* Licensed to the Apache Software Foundation (ASF)",
				"<script type=\"application/json\" id=\"chart-options\">");
		String page = html.replaceAll("(?s)<script[^>]*>.*?</script>", "");
		assertThat(page).doesNotContain("<script", "<link", "src=", "@import", "url(");
		// The only absolute URLs outside the scripts are in the licence notice: names,
		// not downloads.
		Matcher urls = Pattern.compile("https?://[^\"'\\s<)]+").matcher(page);
		while (urls.find()) {
			assertThat(urls.group()).isIn("https://www.apache.org/licenses/LICENSE-2.0", "https://www.apache.org/");
		}
		assertThat(page).contains("Apache ECharts 5.5.0", "Apache License 2.0");
	}

	@Test
	void theReportHasEightChartsPerScenarioAndSevenTracesPerStep() throws IOException {
		ReportFiles.write(RecordedResults.report(), this.directory);

		String html = Files.readString(this.directory.resolve("report.html"));
		// Three scenarios of 3, 3 and 1 steps.
		assertThat(count(html, "<div class=\"chart\"")).isEqualTo(3 * 8 + 7 * 7);
		assertThat(html).contains("id=\"latency-sweep-800-users-throughput\"", "id=\"c10k-10000-users-gc\"",
				"id=\"cpu-bound-sweep-50-users-in-flight\"", "id=\"latency-sweep-800-users-latency\"");
		assertThat(html).contains("id=\"latency-sweep-throughput\"", "id=\"latency-sweep-latency\"",
				"id=\"latency-sweep-cpu\"", "id=\"latency-sweep-platform-threads\"",
				"id=\"latency-sweep-virtual-threads\"", "id=\"latency-sweep-memory\"");
		assertThat(html).contains("ideal: users ÷ latency", "200-thread pool by Little's law");
	}

	@Test
	void theReportLinksEveryGatlingReport() throws IOException {
		ReportFiles.write(RecordedResults.report(), this.directory);

		String html = Files.readString(this.directory.resolve("report.html"));
		assertThat(count(html, "/index.html\">report</a>")).isEqualTo(21);
		assertThat(html).contains(
				"href=\"gatling/latency-sweep/loom/800-users/concurrencysweepsimulation-20261124120000000/index.html\"");
	}

	@Test
	void theWinnerTablesPutTheRunWithErrorsLast() throws IOException {
		ReportFiles.write(RecordedResults.report(), this.directory);

		String summary = Files.readString(this.directory.resolve("summary.md"));
		String c10k = summary.substring(summary.indexOf("## C10K"));
		String throughput = c10k.lines().filter((line) -> line.startsWith("| Throughput")).findFirst().orElseThrow();
		assertThat(throughput)
			.isEqualTo("| Throughput | **loom 8,000.0 req/s (100 % ok)**<br>then webflux 7,800.0 req/s (100 % ok) |");
		String p50 = c10k.lines().filter((line) -> line.startsWith("| Median")).findFirst().orElseThrow();
		assertThat(p50).doesNotContain("classic");
	}

	@Test
	void theEnvironmentHasTheMachineTheVersionsAndTheSettings() throws IOException {
		ReportFiles.write(RecordedResults.report(), this.directory);

		Map<String, Object> environment = JSON.readValue(this.directory.resolve("environment.json").toFile(),
				new TypeReference<>() {
				});
		assertThat(environment).containsKeys("started", "finished", "machine", "projectVersion", "springBootVersion",
				"loadGenerator", "serviceJvmFlags", "settings", "scenarios", "serviceInfo");
		assertThat((Map<String, Object>) environment.get("machine")).containsEntry("cores", 2)
			.containsKeys("javaVersion", "os", "memoryBytes", "loadAverage");
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

}
