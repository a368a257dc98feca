package dev.iomodels.comparison.wall;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's memory holds at one moment, read from outside the process with the
 * JDK's own tools: the live heap and the classes that fill it ({@code jcmd
 * GC.class_histogram}, which collects first, so only reachable objects count), the native
 * memory by category (Native Memory Tracking, {@code jcmd VM.native_memory
 * summary}; the service must run with {@code -XX:NativeMemoryTracking=summary}), and the
 * kernel's view: resident set, platform threads and open descriptors from {@code /proc}.
 *
 * @param liveHeapBytes the bytes of reachable objects on the heap
 * @param rssBytes the resident set size
 * @param nativeCommittedBytes the memory the JVM has committed, heap included (NMT total)
 * @param nativeCategories committed bytes by NMT category, e.g. {@code Java Heap},
 * {@code Thread}, {@code GC}, {@code Other} (direct buffers)
 * @param topClasses the classes with the most live bytes, largest first
 * @param platformThreads the process's kernel threads
 * @param openFiles the process's open descriptors
 * @param kernelTcpBytes the memory the kernel holds for TCP sockets on the whole machine
 * ({@code /proc/net/sockstat}, {@code TCP: mem} in pages): outside every process, and on
 * loopback for both ends of every connection
 */
public record MemorySnapshot(long liveHeapBytes, long rssBytes, long nativeCommittedBytes,
		Map<String, Long> nativeCategories, List<ClassShare> topClasses, int platformThreads, int openFiles,
		long kernelTcpBytes) {

	/** The kernel's page size: 4 KiB on x86-64 and on most arm64 Linux kernels. */
	static final long PAGE_SIZE = 4096;

	/** How many classes of the histogram are kept. */
	static final int TOP_CLASSES = 12;

	private static final Pattern HISTOGRAM_ROW = Pattern
		.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)(?:\\s+\\(.*\\))?\\s*$");

	private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

	private static final Pattern NMT_TOTAL = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB");

	private static final Pattern NMT_CATEGORY = Pattern
		.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");

	public MemorySnapshot {
		nativeCategories = Map.copyOf(nativeCategories);
		topClasses = List.copyOf(topClasses);
	}

	/**
	 * One class of the heap histogram.
	 *
	 * @param name the class, as the histogram names it ({@code [B} for byte arrays)
	 * @param instances its live instances
	 * @param bytes their bytes
	 */
	public record ClassShare(String name, long instances, long bytes) {
	}

	/**
	 * Take a snapshot of a running JVM. The class histogram collects the heap first: a
	 * full pause of the service, which is why it is taken once per step.
	 * @param pid the process
	 * @param jcmd the JDK's {@code jcmd}
	 * @return the snapshot
	 * @throws IOException if a tool fails or {@code /proc} cannot be read
	 * @throws InterruptedException if interrupted while a tool runs
	 */
	public static MemorySnapshot take(long pid, Path jcmd) throws IOException, InterruptedException {
		String histogram = run(jcmd, pid, "GC.class_histogram");
		String nmt = run(jcmd, pid, "VM.native_memory", "summary");
		String status = InFlightLimits.procFile(Path.of("/proc", Long.toString(pid), "status"));
		int openFiles;
		try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
			openFiles = (int) descriptors.count();
		}
		return parse(histogram, nmt, status, openFiles, InFlightLimits.procFile(Path.of("/proc/net/sockstat")));
	}

	/**
	 * Make a snapshot from the tools' output.
	 * @param histogram the output of {@code jcmd <pid> GC.class_histogram}
	 * @param nmt the output of {@code jcmd <pid> VM.native_memory summary}
	 * @param status the text of {@code /proc/<pid>/status}
	 * @param openFiles the process's open descriptors
	 * @param sockstat the text of {@code /proc/net/sockstat}
	 * @return the snapshot
	 */
	static MemorySnapshot parse(String histogram, String nmt, String status, int openFiles, String sockstat) {
		long live = -1;
		List<ClassShare> classes = new ArrayList<>();
		for (String line : histogram.split("\n")) {
			Matcher row = HISTOGRAM_ROW.matcher(line);
			if (row.matches() && classes.size() < TOP_CLASSES) {
				classes.add(new ClassShare(row.group(3), Long.parseLong(row.group(1)), Long.parseLong(row.group(2))));
			}
			Matcher total = HISTOGRAM_TOTAL.matcher(line.strip());
			if (total.matches()) {
				live = Long.parseLong(total.group(2));
			}
		}
		long committed = -1;
		Map<String, Long> categories = new LinkedHashMap<>();
		for (String line : nmt.split("\n")) {
			Matcher total = NMT_TOTAL.matcher(line.strip());
			if (total.find()) {
				committed = Long.parseLong(total.group(2)) * 1024;
			}
			Matcher category = NMT_CATEGORY.matcher(line.strip());
			if (category.find()) {
				categories.put(category.group(1).strip(), Long.parseLong(category.group(3)) * 1024);
			}
		}
		if (live < 0) {
			throw new IllegalArgumentException("No total in the class histogram:\n" + head(histogram));
		}
		if (committed < 0) {
			throw new IllegalArgumentException("No total in the native memory summary (is the service running with"
					+ " -XX:NativeMemoryTracking=summary?):\n" + head(nmt));
		}
		return new MemorySnapshot(live, statusKilobytes(status, "VmRSS") * 1024, committed, categories, classes,
				(int) statusKilobytes(status, "Threads"), openFiles, tcpPages(sockstat) * PAGE_SIZE);
	}

	/**
	 * Return the pages the kernel holds for TCP, from {@code /proc/net/sockstat}'s line
	 * {@code TCP: inuse 51 orphan 0 tw 9221 alloc 103 mem 194}.
	 */
	private static long tcpPages(String sockstat) {
		for (String line : sockstat.split("\n")) {
			if (line.startsWith("TCP:")) {
				String[] fields = line.substring(4).strip().split("\\s+");
				for (int i = 0; i + 1 < fields.length; i += 2) {
					if (fields[i].equals("mem")) {
						return Long.parseLong(fields[i + 1]);
					}
				}
			}
		}
		throw new IllegalArgumentException("No TCP memory in /proc/net/sockstat");
	}

	private static long statusKilobytes(String status, String field) {
		for (String line : status.split("\n")) {
			if (line.startsWith(field + ":")) {
				return Long.parseLong(line.substring(field.length() + 1).strip().split("\\s+")[0]);
			}
		}
		throw new IllegalArgumentException("No " + field + " in /proc/<pid>/status");
	}

	private static String head(String text) {
		return text.lines().limit(5).reduce("", (a, b) -> a + b + "\n");
	}

	private static String run(Path jcmd, long pid, String... command) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
		line.addAll(List.of(command));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IOException(String.join(" ", line) + " failed: " + new String(output).strip());
		}
		return new String(output);
	}

	/**
	 * Return the JDK's {@code jcmd} beside the running JVM.
	 * @return its path
	 */
	public static Path jcmd() {
		return Path.of(System.getProperty("java.home"), "bin", "jcmd");
	}

}
