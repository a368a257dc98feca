package dev.iomodels.comparison;

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
 * @param loadGeneratorSeconds counter: CPU time of this JVM, Gatling included
 */
public record MachineCpu(double machineBusySeconds, double loadGeneratorSeconds) {

	/** The kernel counts {@code /proc/stat} in USER_HZ ticks, 100 a second on Linux. */
	private static final double TICKS_PER_SECOND = 100;

	/**
	 * Read both counters now.
	 * @return the readings
	 */
	static MachineCpu read() {
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
		return new MachineCpu(busy, own);
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
