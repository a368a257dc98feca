package dev.iomodels.service.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What the operating system sees of the service's process, read from
 * {@code /proc/self/status} on Linux: its resident memory ({@code VmRSS}), which is what
 * a container's memory limit is measured against and which the JVM's own meters (heap,
 * non-heap, buffers) only add up to in part, and its threads ({@code Threads}), every
 * native thread including the JVM's own (GC, JIT, carriers), which is what the kernel
 * schedules. Virtual threads are not among them: that is the point of comparing this with
 * the virtual-thread meters.
 * <p>
 * Written here rather than taken from micrometer-jvm-extras, whose last release predates
 * the Micrometer versions this project uses; it is two numbers from one file. On a system
 * without {@code /proc} it registers nothing.
 */
public final class ProcessStatusMetrics implements MeterBinder {

	/** The resident set size gauge. */
	public static final String RSS = "process.memory.rss";

	/** The operating-system threads gauge. */
	public static final String THREADS = "process.threads";

	private static final Path SELF_STATUS = Path.of("/proc/self/status");

	private final Path status;

	/**
	 * Read this process's status.
	 */
	public ProcessStatusMetrics() {
		this(SELF_STATUS);
	}

	ProcessStatusMetrics(Path status) {
		this.status = status;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (!Files.isReadable(this.status)) {
			return;
		}
		Gauge.builder(RSS, this, (metrics) -> metrics.read("VmRSS:"))
			.description("Resident set size of the process: the memory the operating system has given it")
			.baseUnit(BaseUnits.BYTES)
			.strongReference(true)
			.register(registry);
		Gauge.builder(THREADS, this, (metrics) -> metrics.read("Threads:"))
			.description("Operating-system threads of the process, the JVM's own included; virtual threads are not")
			.baseUnit(BaseUnits.THREADS)
			.strongReference(true)
			.register(registry);
	}

	private double read(String field) {
		try {
			OptionalLong value = valueOf(Files.readString(this.status, StandardCharsets.US_ASCII), field);
			return value.isPresent() ? value.getAsLong() : Double.NaN;
		}
		catch (IOException ex) {
			return Double.NaN;
		}
	}

	/**
	 * Return a field of a {@code /proc/[pid]/status} text as a number, converting sizes
	 * given in {@code kB} to bytes.
	 * @param status the file's content
	 * @param field the field with its colon, e.g. {@code VmRSS:}
	 * @return the value, or empty if the field is missing or not a number
	 */
	static OptionalLong valueOf(String status, String field) {
		for (String line : status.split("\n")) {
			if (line.startsWith(field)) {
				String[] parts = line.substring(field.length()).strip().split("\\s+");
				try {
					long number = Long.parseLong(parts[0]);
					boolean kibibytes = parts.length > 1 && parts[1].equalsIgnoreCase("kB");
					return OptionalLong.of(kibibytes ? number * 1024 : number);
				}
				catch (NumberFormatException ex) {
					return OptionalLong.empty();
				}
			}
		}
		return OptionalLong.empty();
	}

}
