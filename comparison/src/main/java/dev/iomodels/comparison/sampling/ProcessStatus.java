package dev.iomodels.comparison.sampling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the kernel says about a process in {@code /proc/<pid>/status}: its resident memory
 * and its thread count. Read directly rather than through a metric because it is the
 * operating system's own account, the same for every service and every JVM.
 *
 * @param rssBytes resident set size ({@code VmRSS})
 * @param threads threads of the process ({@code Threads}), JVM-internal ones included
 */
public record ProcessStatus(double rssBytes, double threads) {

	/**
	 * Read the status of a process.
	 * @param pid the process id
	 * @return its status, or empty where there is no {@code /proc} (not Linux) or the
	 * process has gone
	 */
	public static Optional<ProcessStatus> read(long pid) {
		try {
			return Optional.of(parse(Files.readString(Path.of("/proc", Long.toString(pid), "status"))));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Parse the text of a {@code /proc/<pid>/status} file.
	 * @param status the text
	 * @return the figures, {@code NaN} for a missing line
	 */
	static ProcessStatus parse(String status) {
		double rss = Double.NaN;
		double threads = Double.NaN;
		for (String line : status.split("\n")) {
			if (line.startsWith("VmRSS:")) {
				// "VmRSS: 123456 kB": the kernel always reports it in kibibytes.
				rss = Double.parseDouble(line.substring(6).strip().split("\\s+")[0]) * 1024;
			}
			else if (line.startsWith("Threads:")) {
				threads = Double.parseDouble(line.substring(8).strip());
			}
		}
		return new ProcessStatus(rss, threads);
	}

}
