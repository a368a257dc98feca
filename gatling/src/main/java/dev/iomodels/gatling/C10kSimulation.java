package dev.iomodels.gatling;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.sun.management.UnixOperatingSystemMXBean;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * C10K: 10,000 requests in flight at once, each on its own open connection, held for a
 * while. Start the service with a long emulated latency (e.g.
 * {@code --storage.emulated-latency=1s}) so that every request waits, and without its
 * overload bound ({@code --iomodels.server.max-concurrent-requests=-1
 * --iomodels.server.max-buffered-request-bytes=-1}), which by default answers every
 * request beyond 2,000 at once with 503 and would hide the I/O model, and give every
 * service a 4 GiB heap ({@code -Xms4g -Xmx4g}). Webflux holds all of them with no errors
 * (its latency grows only when the CPU runs out); loom takes every connection at once
 * too, but each request in flight costs it 82-90 KiB of heap (Tomcat's buffers and
 * request objects, and the virtual thread's stack), about 900 MB for 10,000, so in a 512
 * MiB heap it dies of OutOfMemoryError (docs/wall.md); classic serves 200 at a time, so
 * the others queue — watch its latency climb towards the 60 s request timeout (about 50 s
 * at 1 s of latency, by Little's law) and any timeouts counted as errors in the report.
 * This simulation applies the load and checks the objective the user sets, nothing more.
 * <p>
 * Each connection is a file descriptor on both sides: the load generator and the service
 * both need {@code ulimit -n} above the number of users. The simulation refuses to start
 * when its own limit is too low instead of failing with connection errors.
 */
public class C10kSimulation extends Simulation {

	/**
	 * The descriptors the load generator needs besides its connections: jars, report
	 * files, the JVM's own.
	 */
	public static final int SPARE_FILE_DESCRIPTORS = 512;

	private final LoadParameters parameters = LoadParameters.fromSystemProperties();

	private final int users = requireOpenFiles(this.parameters.integer("users", 10_000));

	private final Duration rampUp = this.parameters.duration("rampUp", Duration.ofSeconds(10));

	private final Duration duration = this.parameters.duration("duration", Duration.ofSeconds(60));

	private final double readRatio = this.parameters.percent("readRatio", 100);

	private final byte[] payload = StorageApi.payload(this.parameters.dataSize("payloadSize", "1KiB"));

	private final StorageApi api = new StorageApi(this.parameters.baseUrl(), "c10k",
			this.parameters.integer("keyspace", 1000));

	/**
	 * How many loopback source addresses (127.0.0.1, 127.0.0.2, …) the connections are
	 * spread over: one address has one client port range (about 28,000 ports on Linux)
	 * towards one server port, so more connections than that need more addresses.
	 */
	private final int sourceAddresses = this.parameters.integer("sourceAddresses", 1);

	private final ScenarioBuilder c10k = scenario("C10K").exec(this.api.mixedOperation(this.readRatio, this.payload));

	public C10kSimulation() {
		// A ramp, not a jump: 10,000 SYNs at once overflow any accept backlog, and the
		// kernel's SYN retries would be measured instead of the service.
		setUp(this.c10k.injectClosed(rampConcurrentUsers(0).to(this.users).during(this.rampUp),
				constantConcurrentUsers(this.users).during(this.duration)))
			.protocols(protocol())
			.assertions(this.parameters.slo(Duration.ofSeconds(5)).assertions());
	}

	private HttpProtocolBuilder protocol() {
		if (this.sourceAddresses <= 1) {
			return this.api.protocol();
		}
		if (this.sourceAddresses > 254) {
			throw new IllegalArgumentException("-DsourceAddresses is at most 254 (127.0.0.1 to 127.0.0.254)");
		}
		List<String> addresses = IntStream.rangeClosed(1, this.sourceAddresses)
			.mapToObj((i) -> "127.0.0." + i)
			.toList();
		return this.api.protocol().localAddresses(addresses);
	}

	@Override
	public void before() {
		this.api.preload(List.of(this.payload));
	}

	/**
	 * Whether the run's objects are deleted after it. Off where the service is stopped
	 * right after anyway: behind a pool whose queue still holds the requests the load
	 * generator gave up on, the cleanup's requests would wait for all of them.
	 */
	private final boolean cleanup = this.parameters.flag("cleanup", true);

	@Override
	public void after() {
		if (this.cleanup) {
			this.api.cleanup();
		}
	}

	private static int requireOpenFiles(int users) {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os) {
			long needed = users + SPARE_FILE_DESCRIPTORS;
			if (os.getMaxFileDescriptorCount() < needed) {
				throw new IllegalStateException("C10K with " + users + " users needs at least " + needed
						+ " open files in the load generator, but its limit is " + os.getMaxFileDescriptorCount()
						+ ". Raise it in the shell that runs Maven (ulimit -n 65536) and start the service from a"
						+ " shell with the same limit, or run fewer users (-Dusers=...).");
			}
		}
		return users;
	}

}
