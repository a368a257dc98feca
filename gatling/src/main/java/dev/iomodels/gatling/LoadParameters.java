package dev.iomodels.gatling;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of one simulation run, taken from the system properties when the
 * simulation is constructed ({@code -Dusers=200}) and read from this snapshot only.
 * Simulations read them in their constructor, never in a static initializer, so that
 * {@link GatlingRunner} can run the same simulation class several times in one JVM with
 * different properties. Every accessor takes the simulation's default, and a value that
 * does not parse fails the run at once with the property's name.
 */
public final class LoadParameters {

	private static final Map<String, Integer> TARGET_PORTS = Map.of("classic", 8081, "loom", 8082, "webflux", 8083);

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

	private static final Pattern DATA_SIZE = Pattern.compile("(\\d+)\\s*(B|KB|KiB|MB|MiB)?", Pattern.CASE_INSENSITIVE);

	private final Map<String, String> values;

	private LoadParameters(Map<String, String> values) {
		this.values = Map.copyOf(values);
	}

	/**
	 * Take a snapshot of the system properties now.
	 * @return the parameters
	 */
	public static LoadParameters fromSystemProperties() {
		Properties properties = System.getProperties();
		Map<String, String> snapshot = new TreeMap<>();
		for (String name : properties.stringPropertyNames()) {
			snapshot.put(name, properties.getProperty(name));
		}
		return new LoadParameters(snapshot);
	}

	static LoadParameters of(Map<String, String> values) {
		return new LoadParameters(values);
	}

	/**
	 * The service under load: {@code baseUrl} if set, else the default port of
	 * {@code target} ({@code classic} 8081, {@code loom} 8082, {@code webflux} 8083) on
	 * localhost.
	 * @return the base URL, without a trailing slash
	 */
	public URI baseUrl() {
		String baseUrl = this.values.get("baseUrl");
		if (baseUrl != null && !baseUrl.isBlank()) {
			return URI.create(baseUrl.strip().replaceAll("/+$", ""));
		}
		Integer port = TARGET_PORTS.get(target());
		if (port == null) {
			throw invalid("target", target(), "classic, loom or webflux (or set -DbaseUrl=http://host:port)");
		}
		return URI.create("http://localhost:" + port);
	}

	/**
	 * Name the service under load in reports: the {@code target} property, or the base
	 * URL when only that was given.
	 * @return e.g. {@code loom}
	 */
	public String target() {
		String target = this.values.get("target");
		if (target != null && !target.isBlank()) {
			return target.strip().toLowerCase(Locale.ROOT);
		}
		String baseUrl = this.values.get("baseUrl");
		return (baseUrl != null && !baseUrl.isBlank()) ? baseUrl.strip() : "classic";
	}

	public int integer(String name, int defaultValue) {
		return parse(name, defaultValue, (value) -> {
			int parsed = Integer.parseInt(value);
			if (parsed < 0) {
				throw new IllegalArgumentException();
			}
			return parsed;
		}, "a whole number >= 0");
	}

	public boolean flag(String name, boolean defaultValue) {
		return parse(name, defaultValue, (value) -> switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new IllegalArgumentException();
		}, "true or false");
	}

	public double percent(String name, double defaultValue) {
		return parse(name, defaultValue, (value) -> {
			double parsed = Double.parseDouble(value.replace("%", ""));
			if (parsed < 0 || parsed > 100) {
				throw new IllegalArgumentException();
			}
			return parsed;
		}, "a percentage from 0 to 100");
	}

	/**
	 * Read a duration such as {@code 30s}, {@code 500ms}, {@code 2m} or {@code 1h}; a
	 * bare number is seconds.
	 * @param name the property
	 * @param defaultValue used when it is not set
	 * @return the duration
	 */
	public Duration duration(String name, Duration defaultValue) {
		return parse(name, defaultValue, LoadParameters::parseDuration, "a duration such as 30s, 500ms or 2m");
	}

	/**
	 * Read a size in bytes such as {@code 1KiB}, {@code 256KiB} or {@code 1MiB} (KB and
	 * MB are binary too, as in Spring's {@code DataSize}); a bare number is bytes.
	 * @param name the property
	 * @param defaultValue used when it is not set, in the same notation
	 * @return the size in bytes
	 */
	public int dataSize(String name, String defaultValue) {
		return parseDataSize(name, this.values.getOrDefault(name, defaultValue));
	}

	public List<Integer> dataSizes(String name, String defaultValue) {
		return Arrays.stream(this.values.getOrDefault(name, defaultValue).split(","))
			.map(String::strip)
			.map((size) -> parseDataSize(name, size))
			.toList();
	}

	public List<Integer> integers(String name, String defaultValue) {
		String value = this.values.getOrDefault(name, defaultValue);
		try {
			List<Integer> parsed = Arrays.stream(value.split(",")).map(String::strip).map(Integer::parseInt).toList();
			if (parsed.isEmpty() || parsed.stream().anyMatch((number) -> number <= 0)) {
				throw new IllegalArgumentException();
			}
			return parsed;
		}
		catch (IllegalArgumentException ex) {
			throw invalid(name, value, "a comma-separated list of whole numbers > 0, e.g. 50,200,1000");
		}
	}

	/**
	 * The service-level objective the assertions check: {@code sloP99Ms} (the 99th
	 * percentile of response times, in milliseconds) and {@code maxErrorPercent}.
	 * @param defaultP99 the simulation's default for {@code sloP99Ms}
	 * @return the objective
	 */
	public Slo slo(Duration defaultP99) {
		return new Slo(integer("sloP99Ms", (int) defaultP99.toMillis()), percent("maxErrorPercent", 0));
	}

	private <T> T parse(String name, T defaultValue, Function<String, T> parser, String expected) {
		String value = this.values.get(name);
		if (value == null || value.isBlank()) {
			return defaultValue;
		}
		try {
			return parser.apply(value.strip());
		}
		catch (RuntimeException ex) {
			throw invalid(name, value, expected);
		}
	}

	private static Duration parseDuration(String value) {
		if (value.startsWith("P") || value.startsWith("p")) {
			return Duration.parse(value);
		}
		Matcher matcher = DURATION.matcher(value);
		if (!matcher.matches()) {
			throw new IllegalArgumentException();
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch ((matcher.group(2) != null) ? matcher.group(2) : "s") {
			case "ms" -> Duration.ofMillis(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofSeconds(amount);
		};
	}

	private static int parseDataSize(String name, String value) {
		Matcher matcher = DATA_SIZE.matcher(value.strip());
		if (!matcher.matches()) {
			throw invalid(name, value, "a size such as 1KiB, 256KiB or 1MiB");
		}
		long amount = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2).toUpperCase(Locale.ROOT) : "B";
		long bytes = switch (unit) {
			case "KB", "KIB" -> amount * 1024;
			case "MB", "MIB" -> amount * 1024 * 1024;
			default -> amount;
		};
		if (bytes > Integer.MAX_VALUE) {
			throw invalid(name, value, "a size below 2 GiB");
		}
		return (int) bytes;
	}

	private static IllegalArgumentException invalid(String name, String value, String expected) {
		return new IllegalArgumentException("-D" + name + "=" + value + " is not valid: expected " + expected);
	}

}
