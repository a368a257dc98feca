package dev.iomodels.node;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.iomodels.storage.InMemoryObjectStore;
import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.latency.EmulatedLatency;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A storage node: {@code java -jar storage-node.jar --port 7070 --latency 100ms}. It
 * keeps objects in the shared in-memory engine and serves {@link NodeProtocol} on Reactor
 * Netty's event loops, with no other threads: it must never be the bottleneck of a
 * comparison that runs it beside the services on the same machine.
 */
@Command(name = "storage-node", mixinStandardHelpOptions = true,
		description = "Keeps objects in memory and serves them over HTTP/1.1, after a latency of its own.")
public final class StorageNode implements Callable<Integer> {

	@Option(names = "--host", defaultValue = "0.0.0.0",
			description = "Address to listen on (default: ${DEFAULT-VALUE}).")
	private String host;

	@Option(names = "--port", defaultValue = "7070",
			description = "Port to listen on, 0 for any (default: ${DEFAULT-VALUE}).")
	private int port;

	@Option(names = "--latency", defaultValue = "0ms", converter = DurationConverter.class,
			description = "Wait before every storage operation, e.g. 100ms (default: ${DEFAULT-VALUE}).")
	private Duration latency;

	@Option(names = "--latency-jitter", defaultValue = "0ms", converter = DurationConverter.class,
			description = "Largest random extra on that wait, uniform from 0 (default: ${DEFAULT-VALUE}).")
	private Duration latencyJitter;

	@Option(names = "--max-object-size", defaultValue = "1MB", converter = SizeConverter.class,
			description = "Largest object (default: ${DEFAULT-VALUE}).")
	private long maxObjectSize;

	@Option(names = "--max-objects", defaultValue = "100000",
			description = "Most objects stored (default: ${DEFAULT-VALUE}).")
	private long maxObjects;

	@Option(names = "--max-bytes", defaultValue = "256MB", converter = SizeConverter.class,
			description = "Most payload bytes stored (default: ${DEFAULT-VALUE}).")
	private long maxBytes;

	@Option(names = "--idle-timeout", defaultValue = "60s", converter = DurationConverter.class,
			description = "Idle keep-alive connections are closed after this (default: ${DEFAULT-VALUE}).")
	private Duration idleTimeout;

	public static void main(String[] args) {
		int exitCode = new CommandLine(new StorageNode()).execute(args);
		if (exitCode != 0) {
			System.exit(exitCode);
		}
	}

	@Override
	public Integer call() {
		NodeSettings settings = new NodeSettings(this.host, this.port,
				new EmulatedLatency(this.latency, this.latencyJitter),
				new StorageLimits(this.maxObjectSize, this.maxObjects, this.maxBytes), this.idleTimeout);
		Running node = start(settings);
		Runtime.getRuntime().addShutdownHook(new Thread(node::close, "storage-node-stop"));
		System.out.println("storage-node listening on " + settings.host() + ":" + node.port() + " (latency "
				+ settings.latency().base().toMillis() + " ms + up to " + settings.latency().jitter().toMillis()
				+ " ms)");
		node.server.onDispose().block();
		return 0;
	}

	/**
	 * Start a node.
	 * @param settings how it runs
	 * @return the running node
	 */
	public static Running start(NodeSettings settings) {
		InMemoryObjectStore store = new InMemoryObjectStore(settings.limits());
		NodeMetrics metrics = new NodeMetrics(store);
		DisposableServer server = HttpServer.create()
			.host(settings.host())
			.port(settings.port())
			.idleTimeout(settings.idleTimeout())
			.handle(new NodeHandler(store, settings.latency(), metrics))
			.bindNow();
		return new Running(server, metrics);
	}

	/**
	 * A node that runs until it is closed.
	 */
	public static final class Running implements AutoCloseable {

		private final DisposableServer server;

		private final NodeMetrics metrics;

		private Running(DisposableServer server, NodeMetrics metrics) {
			this.server = server;
			this.metrics = metrics;
		}

		/**
		 * Return the port the node listens on.
		 * @return the port
		 */
		public int port() {
			return this.server.port();
		}

		/**
		 * Return the node's base URL on the loopback interface.
		 * @return e.g. {@code http://127.0.0.1:7070}
		 */
		public String url() {
			return "http://127.0.0.1:" + port();
		}

		/**
		 * Stop accepting, close every connection and stop.
		 */
		@Override
		public void close() {
			this.server.disposeNow(Duration.ofSeconds(5));
			this.metrics.close();
		}

	}

	static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

		private static final Pattern SIMPLE = Pattern.compile("([0-9]+)(ms|s|m)?");

		@Override
		public Duration convert(String value) {
			Matcher matcher = SIMPLE.matcher(value.strip().toLowerCase(Locale.ROOT));
			if (matcher.matches()) {
				long amount = Long.parseLong(matcher.group(1));
				String unit = (matcher.group(2) != null) ? matcher.group(2) : "ms";
				return switch (unit) {
					case "s" -> Duration.ofSeconds(amount);
					case "m" -> Duration.ofMinutes(amount);
					default -> Duration.ofMillis(amount);
				};
			}
			return Duration.parse(value);
		}

	}

	static final class SizeConverter implements CommandLine.ITypeConverter<Long> {

		private static final Pattern SIZE = Pattern.compile("([0-9]+)(B|KB|MB|GB)?");

		@Override
		public Long convert(String value) {
			Matcher matcher = SIZE.matcher(value.strip().toUpperCase(Locale.ROOT));
			if (!matcher.matches()) {
				throw new CommandLine.TypeConversionException("not a size such as 1048576, 64KB or 16MB: " + value);
			}
			long amount = Long.parseLong(matcher.group(1));
			String unit = (matcher.group(2) != null) ? matcher.group(2) : "B";
			return switch (unit) {
				case "KB" -> amount * 1024;
				case "MB" -> amount * 1024 * 1024;
				case "GB" -> amount * 1024 * 1024 * 1024;
				default -> amount;
			};
		}

	}

}
