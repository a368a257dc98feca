package dev.iomodels.comparison;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine the comparison ran on, described when it starts: figures only make sense
 * beside the cores, memory and JDK they were measured with.
 *
 * @param javaVersion the JDK's version
 * @param javaVendor who built it
 * @param javaVm the virtual machine's name
 * @param javaHome where it is installed
 * @param os the operating system
 * @param osVersion its version (the kernel's, on Linux)
 * @param arch the processor architecture
 * @param cpuModel the processor's model name, if the system says
 * @param cores processors available to this JVM, the count every service is started with
 * @param memoryBytes physical memory
 * @param loadAverage the load average when the comparison started: anything else busy on
 * the machine skews the figures
 */
public record Machine(String javaVersion, String javaVendor, String javaVm, String javaHome, String os,
		String osVersion, String arch, String cpuModel, int cores, long memoryBytes, String loadAverage) {

	/**
	 * Describe the machine this JVM runs on.
	 * @return the description
	 */
	public static Machine describe() {
		long memory = (ManagementFactory
			.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
					? os.getTotalMemorySize() : -1;
		return new Machine(System.getProperty("java.runtime.version", System.getProperty("java.version")),
				System.getProperty("java.vendor"), System.getProperty("java.vm.name"), System.getProperty("java.home"),
				System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
				readCpuModel(), Runtime.getRuntime().availableProcessors(), memory, readLoadAverage());
	}

	/**
	 * Return a one-line description for the report's header.
	 * @return e.g.
	 * {@code 2 cores (AMD EPYC 7B13), 23.5 GiB, Linux 6.1.0 amd64, Java 25.0.3+9-LTS (Eclipse Adoptium)}
	 */
	public String summary() {
		return String.format(Locale.ROOT, "%d cores%s, %.1f GiB, %s %s %s, Java %s (%s)", this.cores,
				this.cpuModel.isEmpty() ? "" : " (" + this.cpuModel + ")", this.memoryBytes / (1024.0 * 1024 * 1024),
				this.os, this.osVersion, this.arch, this.javaVersion, this.javaVendor);
	}

	private static String readCpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("");
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static String readLoadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return String.format(Locale.ROOT, "%.2f",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

}
