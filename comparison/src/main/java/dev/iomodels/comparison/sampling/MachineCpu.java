package dev.iomodels.comparison.sampling;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used on the whole machine and by the load generator (this JVM), both counters
 * in seconds. With the service's own CPU time they tell how much CPU anything else took
 * during a step: on a shared machine, a build running beside the comparison skews every
 * figure, and the report should say so rather than hide it.
 *
 * @param machineBusySeconds counter: CPU time of every process on the machine, from
 * {@code /proc/stat}; {@code NaN} where there is none
 * @param loadGeneratorSeconds counter: CPU time of this JVM, Gatling included, and of the
 * wrk processes it runs, living or ended
 */
public record MachineCpu(double machineBusySeconds, double loadGeneratorSeconds) {

	/** The kernel counts {@code /proc/stat} in USER_HZ ticks, 100 a second on Linux. */
	private static final double TICKS_PER_SECOND = 100;

	/**
	 * Read both counters now.
	 * @return the readings
	 */
	public static MachineCpu read() {
		double busy;
		try {
			busy = busySeconds(Files.readString(Path.of("/proc/stat")));
		}
		catch (IOException | RuntimeException ex) {
			busy = Double.NaN;
		}
		double own = (ManagementFactory
			.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
					? os.getProcessCpuTime() / 1e9 : Double.NaN;
		return new MachineCpu(busy, own + wrkSeconds());
	}

	/**
	 * Return the CPU time of the wrk processes this JVM runs: those still running, read
	 * from their {@code /proc/<pid>/stat}, and those that ended, which the kernel adds to
	 * this process's children's time once they are waited for. Within a step no other
	 * child ends (the service is stopped after its last step), so the sum only grows.
	 */
	private static double wrkSeconds() {
		try {
			double ended = childrenSeconds(Files.readString(Path.of("/proc/self/stat")));
			double running = ProcessHandle.current()
				.children()
				.filter((child) -> child.info().command().map((command) -> command.endsWith("/wrk")).orElse(false))
				.mapToDouble((child) -> processSeconds(child.pid()))
				.sum();
			return ended + running;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/**
	 * Return the CPU time a process has used so far.
	 * @param pid the process
	 * @return its user and system time in seconds; 0 if it has ended
	 */
	static double processSeconds(long pid) {
		try {
			return ownSeconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
		}
		catch (IOException | RuntimeException ex) {
			// Ended between the listing and the read: its time is in the children's now.
			return 0;
		}
	}

	/**
	 * Return the user and system time of a process from the text of its
	 * {@code /proc/<pid>/stat}.
	 * @param stat the text
	 * @return utime + stime, in seconds
	 */
	static double ownSeconds(String stat) {
		String[] fields = fieldsAfterCommand(stat);
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
	}

	/**
	 * Return the user and system time of a process's ended and waited-for children from
	 * the text of its {@code /proc/<pid>/stat}.
	 * @param stat the text
	 * @return cutime + cstime, in seconds
	 */
	static double childrenSeconds(String stat) {
		String[] fields = fieldsAfterCommand(stat);
		return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND;
	}

	// The command in parentheses may hold spaces: fields are counted after its ')'. The
	// first field after it is the state (field 3 of proc(5)), so utime (14) is at 11.
	private static String[] fieldsAfterCommand(String stat) {
		return stat.substring(stat.lastIndexOf(')') + 2).strip().split("\\s+");
	}

	/**
	 * Sum the busy time of all processors from the text of {@code /proc/stat}.
	 * @param stat the text
	 * @return user, nice, system, irq, softirq and steal time, in seconds
	 */
	static double busySeconds(String stat) {
		String[] fields = stat.lines()
			.filter((line) -> line.startsWith("cpu "))
			.findFirst()
			.orElseThrow()
			.strip()
			.split("\\s+");
		// cpu user nice system idle iowait irq softirq steal guest guest_nice; guest time
		// is
		// already counted in user.
		long busy = 0;
		for (int field : new int[] { 1, 2, 3, 6, 7, 8 }) {
			busy += (field < fields.length) ? Long.parseLong(fields[field]) : 0;
		}
		return busy / TICKS_PER_SECOND;
	}

}
