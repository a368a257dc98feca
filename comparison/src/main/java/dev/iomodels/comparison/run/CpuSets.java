package dev.iomodels.comparison.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which processors the services and the load generator may run on ({@code --cpus}). On a
 * machine with few cores they share them all, and the report shows how much the load
 * generator took; from four cores up they get disjoint halves by default, so that the
 * load generator does not take CPU from the service it measures. A pinned service also
 * gets {@code -XX:ActiveProcessorCount} of its set, so that the pools it sizes from the
 * processor count (carriers, event loops, GC threads) match the CPU it has.
 *
 * @param service the processors of the services, as {@code taskset -c} takes them (e.g.
 * {@code 0-1}); empty for all
 * @param load the processors of the load generator; empty for all
 */
record CpuSets(Optional<String> service, Optional<String> load) {

	/** Both share every processor. */
	static final CpuSets SHARED = new CpuSets(Optional.empty(), Optional.empty());

	/** From this many cores up, the default gives each side its own half. */
	static final int DISJOINT_FROM_CORES = 4;

	private static final Pattern LIST = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");

	CpuSets {
		service.ifPresent(CpuSets::count);
		load.ifPresent(CpuSets::count);
	}

	/**
	 * Return the default for a machine: shared below {@value #DISJOINT_FROM_CORES} cores,
	 * else the lower half for the services and the upper half for the load generator.
	 * @param cores the machine's processors
	 * @return the sets
	 */
	static CpuSets defaultFor(int cores) {
		if (cores < DISJOINT_FROM_CORES) {
			return SHARED;
		}
		int half = cores / 2;
		return new CpuSets(Optional.of("0-" + (half - 1)), Optional.of(half + "-" + (cores - 1)));
	}

	/**
	 * Parse {@code --cpus}: {@code shared}, or {@code service=LIST,load=LIST} with either
	 * part alone (the other side then shares every processor).
	 * @param text the flag's value
	 * @return the sets
	 * @throws IllegalArgumentException for anything else, or overlapping sets
	 */
	static CpuSets parse(String text) {
		if (text.equals("shared")) {
			return SHARED;
		}
		Optional<String> service = Optional.empty();
		Optional<String> load = Optional.empty();
		// A list has commas of its own (0,2): split only before the next name.
		for (String part : text.split(",(?=(service|load)=)")) {
			String[] option = part.split("=", 2);
			boolean valid = option.length == 2 && LIST.matcher(option[1]).matches();
			if (valid && option[0].equals("service") && service.isEmpty()) {
				service = Optional.of(option[1]);
			}
			else if (valid && option[0].equals("load") && load.isEmpty()) {
				load = Optional.of(option[1]);
			}
			else {
				throw new IllegalArgumentException(
						"--cpus takes shared or service=LIST,load=LIST with lists as taskset -c takes them, e.g."
								+ " service=0-1,load=2-3; not " + text);
			}
		}
		CpuSets sets = new CpuSets(service, load);
		if (sets.overlap()) {
			throw new IllegalArgumentException("--cpus " + text + ": the service's and the load generator's"
					+ " processors overlap; give them disjoint sets, or use shared");
		}
		return sets;
	}

	/**
	 * Return how many processors a list names.
	 * @param list e.g. {@code 0-1,4}
	 * @return e.g. 3
	 */
	static int count(String list) {
		return processors(list).size();
	}

	/**
	 * Return whether the services are pinned.
	 * @return whether they have a set of their own
	 */
	boolean pinsServices() {
		return this.service.isPresent();
	}

	/**
	 * Describe the sets for the environment and the report.
	 * @return e.g. {@code services on CPUs 0-1, load generator on CPUs 2-3}
	 */
	String describe() {
		if (this.service.isEmpty() && this.load.isEmpty()) {
			return "services and load generator share every CPU";
		}
		return "services on " + this.service.map((list) -> "CPUs " + list).orElse("every CPU") + ", load generator on "
				+ this.load.map((list) -> "CPUs " + list).orElse("every CPU");
	}

	/**
	 * Pin a running process, every thread it has, to some processors; threads it starts
	 * later inherit the set of the thread that starts them.
	 * @param pid the process
	 * @param list the processors, as {@code taskset -c} takes them
	 * @throws IOException if taskset cannot be run
	 * @throws InterruptedException if interrupted while it runs
	 * @throws IllegalStateException if taskset refuses
	 */
	static void pin(long pid, String list) throws IOException, InterruptedException {
		Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", list, Long.toString(pid))
			.redirectErrorStream(true)
			.start();
		String output = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (taskset.waitFor() != 0) {
			throw new IllegalStateException("Could not pin process " + pid + " to CPUs " + list
					+ " (taskset, from util-linux): " + output.strip());
		}
	}

	/**
	 * Read back the processors a process may run on, as the kernel says.
	 * @param pid the process
	 * @return its {@code Cpus_allowed_list}, e.g. {@code 0-1}
	 * @throws IOException if {@code /proc} cannot be read (not Linux, or the process is
	 * gone)
	 */
	static String allowed(long pid) throws IOException {
		return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))
			.stream()
			.filter((line) -> line.startsWith("Cpus_allowed_list:"))
			.map((line) -> line.substring("Cpus_allowed_list:".length()).strip())
			.findFirst()
			.orElseThrow(() -> new IOException("No Cpus_allowed_list for process " + pid));
	}

	private boolean overlap() {
		if (this.service.isEmpty() || this.load.isEmpty()) {
			return false;
		}
		TreeSet<Integer> shared = processors(this.service.get());
		shared.retainAll(processors(this.load.get()));
		return !shared.isEmpty();
	}

	private static TreeSet<Integer> processors(String list) {
		if (!LIST.matcher(list).matches()) {
			throw new IllegalArgumentException("Not a CPU list as taskset -c takes it (e.g. 0-1,4): " + list);
		}
		TreeSet<Integer> processors = new TreeSet<>();
		for (String part : list.split(",")) {
			String[] range = part.split("-");
			int from = Integer.parseInt(range[0]);
			int to = (range.length > 1) ? Integer.parseInt(range[1]) : from;
			if (to < from) {
				throw new IllegalArgumentException("A CPU range goes up, not down: " + part);
			}
			for (int cpu = from; cpu <= to; cpu++) {
				processors.add(cpu);
			}
		}
		return processors;
	}

}
