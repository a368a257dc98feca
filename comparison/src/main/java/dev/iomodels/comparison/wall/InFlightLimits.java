package dev.iomodels.comparison.wall;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The operating system's limits that decide how many requests can be in flight on one
 * machine, read once before the wall scenario starts, so that it stops with a message
 * naming the limit instead of failing half-way with connection errors. Every connection
 * is a file descriptor in the load generator and one in the service; every connection
 * from one source address to the service's port takes a client port; the listen backlog a
 * server asks for is cut to {@code somaxconn}, and half-open connections to
 * {@code tcp_max_syn_backlog}. None of these is changed here: {@code ./compare} raises
 * its own descriptor limit to the hard one (a process may), and the rest need root.
 *
 * @param openFiles this process's descriptor limit ({@code ulimit -n}), which the
 * services it starts inherit
 * @param openFilesHard the most it could be raised to without root
 * @param somaxconn {@code net.core.somaxconn}
 * @param portRangeLow the first client port ({@code net.ipv4.ip_local_port_range})
 * @param portRangeHigh the last client port
 * @param synBacklog {@code net.ipv4.tcp_max_syn_backlog}
 */
public record InFlightLimits(long openFiles, long openFilesHard, int somaxconn, int portRangeLow, int portRangeHigh,
		int synBacklog) {

	/**
	 * The descriptors a process needs besides its connections: the load generator's JVM
	 * alone holds a few hundred (its jars, event loops' epoll and timer descriptors,
	 * report files, the pipes of every {@code jcmd} it runs); at 19,000 connections and
	 * 512 spare it ran out.
	 */
	public static final int SPARE_FILE_DESCRIPTORS = 1024;

	/**
	 * The most in flight the scenario ever asks for, on a machine with no lower limit.
	 */
	public static final int CEILING = 100_000;

	/**
	 * One connection in this many is kept free for the load generator's churn: Gatling's
	 * shared pool holds a few percent more connections than users while answered ones are
	 * handed back.
	 */
	static final int CHURN_SHARE = 10;

	/** Client ports left free on every source address for everything else. */
	static final int SPARE_PORTS = 1_000;

	/** The most loopback source addresses the load generator spreads over. */
	static final int MAX_SOURCE_ADDRESSES = 254;

	/**
	 * Read the limits of this process and this machine's kernel.
	 * @return the limits
	 * @throws IOException if {@code /proc} cannot be read (not Linux)
	 */
	public static InFlightLimits read() throws IOException {
		long[] files = openFiles(procFile(Path.of("/proc/self/limits")));
		String[] ports = procFile(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip().split("\\s+");
		return new InFlightLimits(files[0], files[1], sysctl("net/core/somaxconn"), Integer.parseInt(ports[0]),
				Integer.parseInt(ports[1]), sysctl("net/ipv4/tcp_max_syn_backlog"));
	}

	/**
	 * Read a file of {@code /proc}. Not with {@code Files.readString}: these files report
	 * a size of 0 or 1, which it trusts, and it returns only the first byte of
	 * {@code ip_local_port_range}.
	 * @param file the file
	 * @return its text
	 * @throws IOException if it cannot be read
	 */
	static String procFile(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
	}

	private static int sysctl(String name) throws IOException {
		return Integer.parseInt(procFile(Path.of("/proc/sys", name)).strip());
	}

	/**
	 * Return the soft and hard descriptor limits from the text of
	 * {@code /proc/<pid>/limits}.
	 * @param limits that text
	 * @return soft and hard, {@link Long#MAX_VALUE} for unlimited
	 */
	static long[] openFiles(String limits) {
		for (String line : limits.split("\n")) {
			if (line.startsWith("Max open files")) {
				String[] fields = line.substring("Max open files".length()).strip().split("\\s+");
				return new long[] { limit(fields[0]), limit(fields[1]) };
			}
		}
		throw new IllegalArgumentException("No 'Max open files' line in the process limits");
	}

	private static long limit(String value) {
		return value.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(value);
	}

	/**
	 * Return the client ports one source address offers towards one server port, less a
	 * margin for everything else on the machine.
	 * @return the usable ports
	 */
	public int usablePorts() {
		return Math.max(0, this.portRangeHigh - this.portRangeLow + 1 - SPARE_PORTS);
	}

	/**
	 * Return the most requests that can be in flight here, each on its own connection:
	 * the descriptors of one process less a spare and less a tenth for the load
	 * generator's churn, within the ports of every source address, rounded down to a
	 * multiple of 500 and at most {@link #CEILING}. Gatling's shared connection pool
	 * holds a few percent more connections than users while answered connections are
	 * handed back: at 18,500 users and 20,000 descriptors it ran out.
	 * @return the machine's maximum
	 */
	public int maxInFlight() {
		long byFiles = (this.openFiles == Long.MAX_VALUE) ? Long.MAX_VALUE
				: (this.openFiles - SPARE_FILE_DESCRIPTORS) * CHURN_SHARE / (CHURN_SHARE + 1);
		long byPorts = (long) usablePorts() * MAX_SOURCE_ADDRESSES;
		long most = Math.min(CEILING, Math.min(byFiles, byPorts));
		return (int) Math.max(0, most - most % 500);
	}

	/**
	 * Return how many loopback source addresses the load generator needs for so many
	 * connections to one server port.
	 * @param inFlight the connections
	 * @return 1 up to {@link #MAX_SOURCE_ADDRESSES}
	 */
	public int sourceAddresses(int inFlight) {
		int perAddress = Math.max(1, usablePorts());
		return Math.max(1, (inFlight + perAddress - 1) / perAddress);
	}

	/**
	 * Return what keeps this machine from holding so many in flight, one message per
	 * limit, each naming the limit, its value and what would change it; empty if nothing
	 * does.
	 * @param inFlight the most requests in flight the scenario asks for
	 * @param acceptBacklog the listen backlog the services ask for
	 * @return the problems
	 */
	public List<String> problems(int inFlight, int acceptBacklog) {
		List<String> problems = new ArrayList<>();
		long files = descriptorsFor(inFlight);
		if (this.openFiles < files) {
			problems.add(("%,d in flight need %,d open files in the load generator (a descriptor per connection, a"
					+ " tenth more for its connection pool's churn, and %d spare), but this process may open %s (ulimit -n; hard limit %s, which"
					+ " only root can raise: nofile in /etc/security/limits.conf, LimitNOFILE= for systemd, or"
					+ " docker run --ulimit nofile=...). Ask for at most %,d (--in-flight max).")
				.formatted(inFlight, files, SPARE_FILE_DESCRIPTORS, count(this.openFiles), count(this.openFilesHard),
						maxInFlight()));
		}
		if (usablePorts() < 1) {
			problems.add(("net.ipv4.ip_local_port_range is %d-%d: fewer than %,d client ports, none left for the"
					+ " load generator. Widen it: sysctl -w net.ipv4.ip_local_port_range='1024 65535'.")
				.formatted(this.portRangeLow, this.portRangeHigh, SPARE_PORTS));
		}
		else if (sourceAddresses(inFlight) > MAX_SOURCE_ADDRESSES) {
			problems.add(("%,d in flight need %d loopback source addresses at %,d client ports each"
					+ " (net.ipv4.ip_local_port_range %d-%d), more than the %d used. Widen the range: sysctl -w"
					+ " net.ipv4.ip_local_port_range='1024 65535'.")
				.formatted(inFlight, sourceAddresses(inFlight), usablePorts(), this.portRangeLow, this.portRangeHigh,
						MAX_SOURCE_ADDRESSES));
		}
		if (this.somaxconn < acceptBacklog) {
			problems.add(("net.core.somaxconn is %d, below the services' listen backlog of %d"
					+ " (iomodels.server.accept-backlog): the kernel cuts the backlog to it, and connections of the"
					+ " ramp that find it full are retried a second later, which measures the kernel, not the"
					+ " service. Raise it: sysctl -w net.core.somaxconn=%d.")
				.formatted(this.somaxconn, acceptBacklog, acceptBacklog));
		}
		if (this.synBacklog < acceptBacklog) {
			problems.add(("net.ipv4.tcp_max_syn_backlog is %d, below the services' listen backlog of %d: half-open"
					+ " connections of the ramp beyond it are dropped and retried. Raise it: sysctl -w"
					+ " net.ipv4.tcp_max_syn_backlog=%d.")
				.formatted(this.synBacklog, acceptBacklog, acceptBacklog));
		}
		return problems;
	}

	/**
	 * Return the descriptors the load generator needs for so many in flight.
	 * @param inFlight the requests in flight, one connection each
	 * @return the descriptors
	 */
	static long descriptorsFor(int inFlight) {
		return inFlight + (inFlight + CHURN_SHARE - 1) / CHURN_SHARE + SPARE_FILE_DESCRIPTORS;
	}

	private static String count(long limit) {
		return (limit == Long.MAX_VALUE) ? "unlimited" : "%,d".formatted(limit);
	}

}
