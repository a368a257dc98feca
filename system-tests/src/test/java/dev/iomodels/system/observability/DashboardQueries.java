package dev.iomodels.system.observability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.iomodels.harness.Service;
import dev.iomodels.system.observability.Dashboards.Dashboard;
import dev.iomodels.system.observability.Dashboards.Panel;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every PromQL expression of every panel of every dashboard, evaluated by a real
 * Prometheus that scrapes the three running jars with the project's scrape configuration,
 * while they serve traffic: each must return data for each service its panel claims to
 * show ({@code Applies to:} in the description) when the services run on the backend the
 * panel has data on, and none for the others. A panel that would be empty in Grafana for
 * a service where its concept exists fails the build, and so does a misspelt metric.
 * {@link DashboardQueriesIT} runs it on the postgres backend,
 * {@link RemoteDashboardQueriesIT} on the remote one.
 * <p>
 * Grafana's variables are replaced as Grafana would: {@code $__rate_interval} by a window
 * of several scrapes, {@code $application} by each service in turn on the per-service
 * dashboard, and {@code $transport} by its "All" value (the variable's {@code allValue},
 * {@code .+}), and then by each transport the services run here (their defaults), which
 * must leave exactly the services on that transport. On the side-by-side dashboard every
 * expression must also return one series per service: one line in the service's colour. A
 * panel of the storage node's own meters must return the node's series, whatever the
 * selectors, on the remote backend and nothing on the others.
 */
final class DashboardQueries {

	/** Several scrapes at the test's interval, as Grafana's is at the compose one. */
	private static final Map<String, String> GRAFANA_VARIABLES = Map.of("$__rate_interval", "10s", "$__interval", "2s",
			"$__range", "1m");

	/**
	 * The values Grafana gives {@code $transport}, with the services each leaves on the
	 * panels: "All" (the default, {@link #ALL} here, the variable's {@code allValue} in
	 * the query), then each transport the services run here alone (a single value is
	 * substituted as it is).
	 */
	private static final Map<String, Set<String>> TRANSPORT_SELECTIONS = transportSelections();

	private static final String ALL = "All";

	private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((\\w+),\\s*(\\w+)\\)");

	private DashboardQueries() {
	}

	/**
	 * Return the Prometheus binary, or skip the test without it (fail it in CI).
	 * @return the binary
	 */
	static Path prometheusBinary() {
		Optional<Path> binary = PrometheusServer.binary();
		if (binary.isEmpty()) {
			String message = "The prometheus binary is not installed, so the dashboards' queries cannot be checked. "
					+ "Run scripts/install-test-tools.sh (Debian: apt-get install prometheus) or set PROMETHEUS_BIN.";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message);
			}
			Assumptions.abort(message);
		}
		return binary.get();
	}

	/**
	 * Evaluate every expression of every panel, with the variables as Grafana sets them,
	 * and check that each returns data for the services its panel shows on the backend
	 * the services run on, and none for the others.
	 * @param prometheus a Prometheus that has scraped the services (and the storage node,
	 * on the remote backend) for a while
	 * @param backend the storage backend the services run on
	 */
	static void checkEveryQueryOfEveryPanel(PrometheusServer prometheus, String backend) throws Exception {
		SoftAssertions softly = new SoftAssertions();
		int panels = 0;
		int expressions = 0;
		int evaluations = 0;
		for (Dashboard dashboard : Dashboards.all()) {
			for (Panel panel : dashboard.panels()) {
				panels++;
				for (String expression : panel.expressions()) {
					expressions++;
					for (Map.Entry<String, Set<String>> selection : TRANSPORT_SELECTIONS.entrySet()) {
						String transport = selection.getKey().equals(ALL) ? dashboard.transportAllValue()
								: selection.getKey();
						String where = dashboard.file() + " / " + panel.title() + " / transport " + transport + " / "
								+ expression + " / " + backend + " backend";
						if (panel.storageNode()) {
							// The node has no service and no transport: the same query on
							// either dashboard, whatever the selectors say.
							evaluations++;
							Result result = evaluate(prometheus, substitute(expression, null, transport));
							softly.assertThat(result.error()).as(where).isNull();
							softly.assertThat(result.applications())
								.as("services with any series in %s", where)
								.isEqualTo(panel.hasDataOn(backend) ? Set.of(Dashboards.STORAGE_NODE) : Set.of());
							if (panel.hasDataOn(backend)) {
								softly.assertThat(result.finiteSeries())
									.as("series with a value in %s (got %s)", where, result.raw())
									.isPositive();
							}
							continue;
						}
						Set<String> shown = new TreeSet<>(panel.appliesTo());
						shown.retainAll(selection.getValue());
						if (!panel.hasDataOn(backend)) {
							shown.clear();
						}
						if (dashboard.perService()) {
							for (String service : Dashboards.SERVICES) {
								evaluations++;
								Result result = evaluate(prometheus, substitute(expression, service, transport));
								softly.assertThat(result.error()).as("%s for %s", where, service).isNull();
								if (shown.contains(service)) {
									softly.assertThat(result.finiteSeries())
										.as("series with a value for %s in %s (got %s)", service, where, result.raw())
										.isPositive();
								}
								else {
									softly.assertThat(result.seriesCount())
										.as("series for %s, which the panel does not show, in %s", service, where)
										.isZero();
								}
							}
						}
						else {
							evaluations++;
							Result result = evaluate(prometheus, substitute(expression, null, transport));
							softly.assertThat(result.error()).as(where).isNull();
							softly.assertThat(result.applicationsWithFiniteValues())
								.as("services with data in %s (got %s)", where, result.raw())
								.isEqualTo(shown);
							softly.assertThat(result.applications())
								.as("services with any series in %s", where)
								.isEqualTo(shown);
							// One line per service (each runs one transport here), in its
							// colour.
							softly.assertThat(result.seriesCount())
								.as("series in %s, one per service (got %s)", where, result.raw())
								.isEqualTo(shown.size());
						}
					}
				}
			}
		}
		System.out.printf("Dashboard queries: %d dashboards, %d panels, %d expressions, %d evaluations "
				+ "against classic, loom and webflux on the %s backend, with the transport selector at All and at "
				+ "each transport%n", Dashboards.all().size(), panels, expressions, evaluations, backend);
		softly.assertAll();
		assertThat(expressions).isGreaterThan(panels);
	}

	/**
	 * Check that the dashboards' variables offer the three services and their transports,
	 * and nothing else (the storage node's series carry neither).
	 * @param prometheus a Prometheus that has scraped the services
	 */
	static void checkVariablesOfferTheThreeServicesAndTheirTransports(PrometheusServer prometheus) throws Exception {
		for (Dashboard dashboard : Dashboards.all()) {
			for (JsonNode variable : Dashboards.tree(ProjectFiles.dashboards().resolve(dashboard.file()))
				.path("templating")
				.path("list")) {
				Matcher labelValues = LABEL_VALUES.matcher(variable.path("definition").asString());
				assertThat(labelValues.matches()).as(variable.toString()).isTrue();
				Set<String> values = new TreeSet<>();
				for (JsonNode series : prometheus.query(labelValues.group(1)).path("data").path("result")) {
					values.add(series.path("metric").path(labelValues.group(2)).asString());
				}
				if (labelValues.group(2).equals("transport")) {
					assertThat(values).as(dashboard.file())
						.containsExactlyInAnyOrderElementsOf(
								Service.ALL.stream().map(Service::defaultTransport).collect(Collectors.toSet()));
				}
				else {
					assertThat(values).as(dashboard.file()).containsExactlyInAnyOrderElementsOf(Dashboards.SERVICES);
				}
			}
		}
	}

	private static String substitute(String expression, String application, String transport) {
		String result = expression.replace("$transport", transport);
		for (Map.Entry<String, String> variable : GRAFANA_VARIABLES.entrySet()) {
			result = result.replace(variable.getKey(), variable.getValue());
		}
		if (application != null) {
			result = result.replace("$application", application);
		}
		assertThat(result).as("variables left in %s", expression).doesNotContain("$");
		return result;
	}

	private static Map<String, Set<String>> transportSelections() {
		Map<String, Set<String>> selections = new LinkedHashMap<>();
		selections.put(ALL, new TreeSet<>(Dashboards.SERVICES));
		for (Service service : Service.ALL) {
			selections.computeIfAbsent(service.defaultTransport(), (transport) -> new TreeSet<>())
				.add(service.shortName());
		}
		return selections;
	}

	private static Result evaluate(PrometheusServer prometheus, String promql) throws Exception {
		JsonNode answer = prometheus.query(promql);
		if (!"success".equals(answer.path("status").asString())) {
			return new Result(List.of(), answer.path("error").asString(promql), answer.toString());
		}
		List<Series> series = new ArrayList<>();
		for (JsonNode item : answer.path("data").path("result")) {
			JsonNode application = item.path("metric").path("application");
			double value = Double.parseDouble(item.path("value").get(1).asString());
			series.add(new Series(application.isMissingNode() ? null : application.asString(), value));
		}
		String raw = answer.path("data").path("result").toString();
		return new Result(series, null, (raw.length() > 600) ? raw.substring(0, 600) + "..." : raw);
	}

	private record Series(String application, double value) {
	}

	private record Result(List<Series> series, String error, String raw) {

		int finiteSeries() {
			return (int) this.series.stream().filter((s) -> Double.isFinite(s.value())).count();
		}

		int seriesCount() {
			return this.series.size();
		}

		Set<String> applications() {
			Set<String> applications = new TreeSet<>();
			this.series.forEach((s) -> applications.add(String.valueOf(s.application())));
			return applications;
		}

		Set<String> applicationsWithFiniteValues() {
			Map<String, Boolean> finite = new TreeMap<>();
			this.series.forEach((s) -> finite.merge(String.valueOf(s.application()), Double.isFinite(s.value()),
					Boolean::logicalOr));
			Set<String> applications = new TreeSet<>();
			finite.forEach((application, any) -> {
				if (any) {
					applications.add(application);
				}
			});
			return applications;
		}

	}

}
