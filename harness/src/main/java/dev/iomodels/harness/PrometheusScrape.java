package dev.iomodels.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One scrape of a Prometheus text exposition ({@code /actuator/prometheus}), parsed into
 * samples. Enough of the format for what the project reads: metric lines with labels and
 * a value; comments, timestamps and exemplars are skipped.
 *
 * @param samples every sample, in the order exposed
 */
public record PrometheusScrape(List<Sample> samples) {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	public PrometheusScrape {
		samples = List.copyOf(samples);
	}

	/**
	 * Scrape a service's management endpoint.
	 * @param client the HTTP client to use
	 * @param managementBase the management port's base URI
	 * @return the parsed scrape
	 * @throws IOException if the scrape fails
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static PrometheusScrape of(HttpClient client, URI managementBase) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(managementBase.resolve("/actuator/prometheus"))
			.header("Accept", "text/plain;version=0.0.4")
			.timeout(TIMEOUT)
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("Prometheus scrape of " + managementBase + " answered " + response.statusCode());
		}
		return parse(response.body());
	}

	/**
	 * Parse a text exposition.
	 * @param text the exposition
	 * @return the samples
	 */
	public static PrometheusScrape parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			Sample sample = Sample.parse(line.strip());
			if (sample != null) {
				samples.add(sample);
			}
		}
		return new PrometheusScrape(samples);
	}

	/**
	 * Return the samples of one metric.
	 * @param name the metric name, e.g. {@code jvm_threads_live_threads}
	 * @return its samples, possibly none
	 */
	public List<Sample> named(String name) {
		return this.samples.stream().filter((sample) -> sample.name().equals(name)).toList();
	}

	/**
	 * Return the sum of the values of one metric over the samples whose labels match.
	 * @param name the metric name
	 * @param labels the labels a sample must carry, e.g. {@code area=heap}
	 * @return the sum, or {@code NaN} if no sample matches
	 */
	public double sum(String name, Map<String, String> labels) {
		Predicate<Sample> matches = (sample) -> sample.labels().entrySet().containsAll(labels.entrySet());
		List<Sample> matching = named(name).stream().filter(matches).toList();
		return matching.isEmpty() ? Double.NaN : matching.stream().mapToDouble(Sample::value).sum();
	}

	/**
	 * Return the sum of the values of one metric over all its samples.
	 * @param name the metric name
	 * @return the sum, or {@code NaN} if there is no sample
	 */
	public double sum(String name) {
		return sum(name, Map.of());
	}

	/**
	 * One sample line.
	 *
	 * @param name the metric name
	 * @param labels the labels, in exposition order
	 * @param value the value
	 */
	public record Sample(String name, Map<String, String> labels, double value) {

		public Sample {
			labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
		}

		static Sample parse(String line) {
			int brace = line.indexOf('{');
			int space = line.indexOf(' ');
			if (space < 0) {
				return null;
			}
			Map<String, String> labels = new LinkedHashMap<>();
			String name;
			String rest;
			if (brace >= 0 && brace < space) {
				name = line.substring(0, brace);
				int end = parseLabels(line, brace + 1, labels);
				rest = line.substring(end + 1).strip();
			}
			else {
				name = line.substring(0, space);
				rest = line.substring(space + 1).strip();
			}
			String number = rest.split("\\s+")[0];
			return new Sample(name, labels, parseValue(number));
		}

		private static int parseLabels(String line, int from, Map<String, String> labels) {
			int i = from;
			while (i < line.length() && line.charAt(i) != '}') {
				int equals = line.indexOf('=', i);
				String key = line.substring(i, equals).strip();
				StringBuilder value = new StringBuilder();
				int j = equals + 2;
				while (line.charAt(j) != '"') {
					char c = line.charAt(j);
					if (c == '\\') {
						char escaped = line.charAt(++j);
						value.append((escaped == 'n') ? '\n' : escaped);
					}
					else {
						value.append(c);
					}
					j++;
				}
				labels.put(key, value.toString());
				i = j + 1;
				if (i < line.length() && line.charAt(i) == ',') {
					i++;
				}
			}
			return i;
		}

		private static double parseValue(String number) {
			return switch (number) {
				case "+Inf" -> Double.POSITIVE_INFINITY;
				case "-Inf" -> Double.NEGATIVE_INFINITY;
				case "NaN" -> Double.NaN;
				default -> Double.parseDouble(number);
			};
		}

	}

}
