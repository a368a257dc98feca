package dev.iomodels.comparison.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.results.ComparisonReport;
import dev.iomodels.comparison.results.Csv;
import dev.iomodels.comparison.results.ResultRow;
import dev.iomodels.comparison.results.SampleRow;
import dev.iomodels.comparison.results.StepResult;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a comparison's files into its results directory: {@code report.html},
 * {@code summary.md}, {@code results.csv}, {@code results.json}, {@code samples.csv} and
 * {@code environment.json}.
 */
public final class ReportFiles {

	public static final String REPORT = "report.html";

	public static final String SUMMARY = "summary.md";

	static final String RESULTS_CSV = "results.csv";

	static final String RESULTS_JSON = "results.json";

	public static final String SAMPLES_CSV = "samples.csv";

	static final String ENVIRONMENT = "environment.json";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ReportFiles() {
	}

	/**
	 * Write every file.
	 * @param report the comparison
	 * @param directory the results directory
	 * @throws IOException if a file cannot be written
	 */
	public static void write(ComparisonReport report, Path directory) throws IOException {
		write(report, directory, Optional.empty());
	}

	/**
	 * Write every file, the report compared against an earlier run.
	 * @param report the comparison
	 * @param directory the results directory
	 * @param earlier the run compared against, with {@code --against}
	 * @throws IOException if a file cannot be written
	 */
	public static void write(ComparisonReport report, Path directory, Optional<EarlierRun> earlier) throws IOException {
		Files.createDirectories(directory);
		List<ResultRow> rows = rows(report);
		List<SampleRow> samples = Stream
			.of(report.results().stream(), report.controls().stream(), report.crossChecks().stream())
			.flatMap(Function.identity())
			.flatMap((result) -> result.samples().stream().map((sample) -> SampleRow.of(result, sample)))
			.toList();
		Files.writeString(directory.resolve(RESULTS_JSON), JSON.writeValueAsString(rows));
		Files.writeString(directory.resolve(RESULTS_CSV), Csv.of(ResultRow.class, rows));
		Files.writeString(directory.resolve(SAMPLES_CSV), Csv.of(SampleRow.class, samples));
		Files.writeString(directory.resolve(ENVIRONMENT), JSON.writeValueAsString(report.environment()));
		Files.writeString(directory.resolve(SUMMARY), MarkdownSummary.render(report, earlier));
		Files.writeString(directory.resolve(REPORT), HtmlReport.render(report, earlier));
	}

	/**
	 * Flatten a comparison into the rows of {@code results.json}: services, then
	 * controls, then cross-checks.
	 * @param report the comparison
	 * @return the rows
	 */
	static List<ResultRow> rows(ComparisonReport report) {
		Map<String, Scenario> scenarios = report.scenarios()
			.stream()
			.collect(Collectors.toMap(Scenario::id, Function.identity()));
		List<ResultRow> rows = new ArrayList<>();
		for (StepResult result : report.results()) {
			Scenario scenario = scenarios.get(result.scenario());
			rows.add(ResultRow.of(result, scenario, "service", report.loadGenerator(scenario),
					report.control(scenario, result.service(), result.users())));
		}
		for (StepResult control : report.controls()) {
			Scenario scenario = scenarios.get(control.scenario());
			rows.add(ResultRow.of(control, scenario, "control", report.loadGenerator(scenario), Optional.empty()));
		}
		for (StepResult check : report.crossChecks()) {
			Scenario scenario = scenarios.get(check.scenario());
			rows.add(ResultRow.of(check, scenario, "cross-check", report.crossCheckGenerator(scenario),
					Optional.empty()));
		}
		return rows;
	}

}
