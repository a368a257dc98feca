package dev.iomodels.comparison.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Properties;

import dev.iomodels.comparison.report.EarlierRun;
import dev.iomodels.comparison.report.MarkdownSummary;
import dev.iomodels.comparison.report.ReportFiles;
import dev.iomodels.comparison.results.ComparisonReport;
import dev.iomodels.comparison.run.CompareOptions;
import dev.iomodels.comparison.run.Comparison;
import dev.iomodels.comparison.run.GatlingLoadGenerator;
import dev.iomodels.comparison.run.Targets;
import dev.iomodels.comparison.wall.WallLimitException;
import dev.iomodels.comparison.wall.WallOptions;
import dev.iomodels.comparison.wall.WallReport;
import dev.iomodels.comparison.wall.WallRun;

/**
 * The comparison command, {@code ./compare}: compares the three I/O models under the same
 * load and writes a report. See {@link CompareOptions#usage()} for the flags.
 */
public final class Compare {

	private Compare() {
	}

	/**
	 * Run the comparison and exit: 0 when the report was written, 2 for a bad command
	 * line, 1 when the comparison could not be made.
	 * @param args the flags
	 */
	public static void main(String[] args) {
		System.exit(run(args, projectRoot(), System.out, System.err));
	}

	/**
	 * Run the comparison.
	 * @param args the flags
	 * @param projectRoot the checkout whose services are compared
	 * @param out where progress and the usage go
	 * @param err where errors go
	 * @return the exit status
	 */
	public static int run(String[] args, Path projectRoot, PrintStream out, PrintStream err) {
		if (Arrays.asList(args).contains("--wall")) {
			return wall(args, projectRoot, out, err);
		}
		CompareOptions options;
		Targets targets;
		try {
			targets = Targets.extract(args);
			options = CompareOptions.parse(targets.arguments(), LocalDateTime.now());
			// An --against that names no earlier run fails now, not after the run.
			options.against().ifPresent(EarlierRun::read);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			return 2;
		}
		if (options.help()) {
			out.print(CompareOptions.usage());
			return 0;
		}
		try {
			ComparisonReport report = new Comparison(options, projectRoot, projectVersion(), new GatlingLoadGenerator(),
					out, targets)
				.run();
			out.println();
			out.print(MarkdownSummary.render(report, options.against().map(EarlierRun::read)));
			out.println("Report: " + options.out().toAbsolutePath().resolve(ReportFiles.REPORT));
			return 0;
		}
		catch (EarlierRun.EnvironmentsDiffer ex) {
			err.println(ex.getMessage());
			return 2;
		}
		catch (Exception ex) {
			err.println("The comparison failed: " + ex);
			ex.printStackTrace(err);
			return 1;
		}
	}

	/**
	 * Run the wall scenario ({@code ./compare --wall}), which has flags of its own
	 * ({@link WallOptions#USAGE}).
	 */
	private static int wall(String[] args, Path projectRoot, PrintStream out, PrintStream err) {
		WallOptions options;
		try {
			options = WallOptions.parse(Arrays.stream(args).filter((arg) -> !arg.equals("--wall")).toList(),
					LocalDateTime.now());
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			return 2;
		}
		if (options.help()) {
			out.print(WallOptions.USAGE);
			return 0;
		}
		try {
			WallReport report = new WallRun(options, projectRoot, projectVersion(), out).run();
			out.println();
			out.print(report.markdown());
			return 0;
		}
		catch (WallLimitException ex) {
			err.println(ex.getMessage());
			return 2;
		}
		catch (Exception ex) {
			err.println("The wall scenario failed: " + ex);
			ex.printStackTrace(err);
			return 1;
		}
	}

	private static Path projectRoot() {
		return Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
	}

	/**
	 * Return the version the services' jars carry, the one this module was built with.
	 * @return e.g. {@code 0.1.0-SNAPSHOT}
	 */
	public static String projectVersion() {
		try (InputStream in = Compare.class.getResourceAsStream("build.properties")) {
			Properties properties = new Properties();
			if (in != null) {
				properties.load(in);
			}
			return properties.getProperty("version", System.getProperty("project.version", "0.1.0-SNAPSHOT"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read build.properties", ex);
		}
	}

}
