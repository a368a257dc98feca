package dev.iomodels.comparison.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.cli.Compare;
import dev.iomodels.comparison.report.EarlierRun.EnvironmentsDiffer;
import dev.iomodels.comparison.results.ComparisonReport;
import dev.iomodels.comparison.results.Metric;
import dev.iomodels.comparison.results.RecordedResults;
import dev.iomodels.comparison.results.Repetitions;
import dev.iomodels.comparison.results.ResultRow;
import dev.iomodels.comparison.results.RunChange;
import dev.iomodels.comparison.results.RunChange.Verdict;
import dev.iomodels.comparison.results.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class RunChangeTests {

	private static final Scenario SWEEP = RecordedResults.LATENCY_SWEEP;

	@TempDir
	Path directory;

	@Test
	void aRiseInThroughputBeyondBothRangesIsBetter() {
		RunChange change = throughput(repeated(1000, 1010), repeated(1200, 1210));

		assertThat(change.before()).isEqualTo(1005.0);
		assertThat(change.after()).isEqualTo(1205.0);
		assertThat(change.relative()).isCloseTo(0.199, within(0.001));
		assertThat(change.describeChange()).isEqualTo("+19.9 %");
		assertThat(change.verdict()).isEqualTo(Verdict.BETTER);
		assertThat(change.beyondSpread()).isTrue();
	}

	@Test
	void aFallInThroughputBeyondBothRangesIsWorse() {
		RunChange change = throughput(repeated(1200, 1210), repeated(1000, 1010));

		assertThat(change.verdict()).isEqualTo(Verdict.WORSE);
		assertThat(change.describeVerdict()).isEqualTo("worse, beyond the spread");
	}

	@Test
	void aHigherP99IsWorseSinceLowerLatencyIsBetter() {
		List<RunChange> changes = RunChange.compare(rows(repeated(1000, 1010, 100, 110)),
				rows(repeated(1000, 1010, 150, 160)));

		RunChange p99 = changes.stream().filter((change) -> change.metric() == Metric.P99_LATENCY).findFirst().get();
		assertThat(p99.verdict()).isEqualTo(Verdict.WORSE);
		assertThat(p99.after()).isGreaterThan(p99.before());
	}

	@Test
	void rangesThatOverlapAreWithinTheSpread() {
		RunChange change = throughput(repeated(1000, 1100), repeated(1050, 1150));

		assertThat(change.relative()).isPositive();
		assertThat(change.verdict()).isEqualTo(Verdict.WITHIN_SPREAD);
		assertThat(change.beyondSpread()).isFalse();
	}

	@Test
	void singleRunsHaveAChangeButNoKnownSpread() {
		RunChange change = throughput(single(1000), single(2000));

		assertThat(change.describeChange()).isEqualTo("+100.0 %");
		assertThat(change.verdict()).isEqualTo(Verdict.SPREAD_UNKNOWN);
		assertThat(change.beyondSpread()).isFalse();
	}

	@Test
	void figuresWithoutARecordedRangeHaveNoKnownSpreadEvenWhenRepeated() {
		List<RunChange> changes = RunChange.compare(rows(repeated(1000, 1010)), rows(repeated(1200, 1210)));

		assertThat(changes).hasSize(Metric.values().length);
		assertThat(changes).filteredOn((change) -> change.metric() == Metric.PEAK_RSS)
			.singleElement()
			.satisfies((change) -> {
				assertThat(change.verdict()).isEqualTo(Verdict.SPREAD_UNKNOWN);
				assertThat(change.format(change.after())).endsWith("MiB");
			});
	}

	@Test
	void stepsMeasuredDifferentlyAreNotCompared() {
		Scenario longer = new Scenario(SWEEP.id(), SWEEP.title(), SWEEP.question(), SWEEP.workload(),
				SWEEP.emulatedLatency(), SWEEP.users(), Duration.ofSeconds(30), Map.of());
		ResultRow earlier = ResultRow.of(single(1000), SWEEP);
		ResultRow now = ResultRow.of(single(1000), longer);

		assertThat(RunChange.compare(List.of(earlier), List.of(now))).isEmpty();
	}

	@Test
	void anEarlierRunIsReadBackFromItsResultsDirectory() throws IOException {
		ReportFiles.write(RecordedResults.report(), this.directory);

		EarlierRun run = EarlierRun.read(this.directory);

		assertThat(run.rows()).hasSize(21);
		assertThat(run.cores()).isEqualTo(2);
		assertThat(run.jdk()).isEqualTo("25.0.3+9-LTS (Eclipse Adoptium)");
		assertThat(run.jvmFlags()).contains("-Xmx512m", "-XX:ActiveProcessorCount=2");
		assertThat(run.row("c10k", "classic", 10_000)).get().extracting(ResultRow::requestsKo).isEqualTo(1_250L);
		assertThat(RunChange.compare(run.rows(), ReportFiles.rows(RecordedResults.report())))
			.hasSize(21 * Metric.values().length)
			.allSatisfy((change) -> assertThat(change.relative()).isZero());
	}

	@Test
	void aRunOnTheSameEnvironmentIsCompared() throws IOException {
		ReportFiles.write(RecordedResults.report(), this.directory);

		EarlierRun.read(this.directory)
			.requireSameEnvironment(2, "25.0.3+9-LTS (Eclipse Adoptium)",
					List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC", "-XX:ActiveProcessorCount=2"));
	}

	@Test
	void aRunOnOtherCoresAnotherJdkOrOtherFlagsIsRefusedSayingWhatDiffers() throws IOException {
		ReportFiles.write(RecordedResults.report(), this.directory);
		EarlierRun run = EarlierRun.read(this.directory);

		assertThatExceptionOfType(EnvironmentsDiffer.class)
			.isThrownBy(() -> run.requireSameEnvironment(4, "21.0.5+11-LTS (Eclipse Adoptium)",
					List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:ActiveProcessorCount=4")))
			.withMessageContaining("its environment differs")
			.withMessageContaining("cores: 2 in the earlier run, 4 now")
			.withMessageContaining("JDK: 25.0.3+9-LTS (Eclipse Adoptium) in the earlier run, 21.0.5+11-LTS")
			.withMessageContaining(
					"service JVM flags: -Xms512m -Xmx512m -XX:ActiveProcessorCount=2 only in the earlier run; -Xms1g");
		assertThat(run.differences(2, run.jdk(), List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC")))
			.containsExactly("service JVM flags: -XX:ActiveProcessorCount=2 only in the earlier run");
	}

	@Test
	void compareRefusesAnEarlierRunOnOtherFlagsBeforeItStartsOrWritesAnything() throws IOException {
		// The recorded run's services had no -XX:+ExitOnOutOfMemoryError, which every
		// service started here gets.
		Path earlier = this.directory.resolve("earlier");
		ReportFiles.write(RecordedResults.report(), earlier);
		Path out = this.directory.resolve("out");
		java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();

		int status = Compare.run(new String[] { "--tiny", "--against", earlier.toString(), "--out", out.toString() },
				Path.of("."), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
				new java.io.PrintStream(errors, true));

		assertThat(status).isEqualTo(2);
		assertThat(errors.toString()).contains("Not comparing with " + earlier + ": its environment differs",
				"service JVM flags: ", "-XX:+ExitOnOutOfMemoryError");
		assertThat(out).doesNotExist();
	}

	@Test
	void aDirectoryWithoutResultsIsNoEarlierRun() {
		assertThatIllegalArgumentException().isThrownBy(() -> EarlierRun.read(this.directory.resolve("nothing")))
			.withMessageContaining("results.json is missing");
	}

	@Test
	void theReportAgainstAnEarlierRunHasATableOfChangesAndDrawsTheEarlierFiguresDotted() throws IOException {
		ComparisonReport report = RecordedResults.report();
		ReportFiles.write(report, this.directory);
		EarlierRun run = EarlierRun.read(this.directory);

		String html = HtmlReport.render(report, Optional.of(run));

		assertThat(html).contains("<h3>Against the earlier run</h3>", "<table class=\"against\">",
				"0 of 147 figures changed beyond the spread", "classic p99 (earlier)", "spread unknown");
		assertThat(MarkdownSummary.render(report, Optional.of(run))).contains("Against `" + this.directory
				+ "` (started 2026-11-24T12:00:00Z): 0 of 147 figures changed" + " beyond the spread of the runs.");
	}

	private static RunChange throughput(StepResult earlier, StepResult now) {
		return RunChange.compare(rows(earlier), rows(now))
			.stream()
			.filter((change) -> change.metric() == Metric.THROUGHPUT)
			.findFirst()
			.orElseThrow();
	}

	private static List<ResultRow> rows(StepResult result) {
		return List.of(ResultRow.of(result, SWEEP, "service", "gatling", Optional.empty()));
	}

	private static StepResult single(double rps) {
		return RecordedResults.result(SWEEP.id(), "loom", 200, (long) rps * 10, 0, rps, 101, 120);
	}

	private static StepResult repeated(double first, double second) {
		return repeated(first, second, 120, 120);
	}

	private static StepResult repeated(double first, double second, double firstP99, double secondP99) {
		return Repetitions
			.median(List.of(RecordedResults.result(SWEEP.id(), "loom", 200, (long) first * 10, 0, first, 101, firstP99),
					RecordedResults.result(SWEEP.id(), "loom", 200, (long) second * 10, 0, second, 101, secondP99)));
	}

}
