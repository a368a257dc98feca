package dev.iomodels.system.observability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboards of {@code grafana/dashboards}, read the way the checks need
 * them: each panel with its PromQL expressions and the services it claims to show. A
 * panel's description ends with {@code Applies to: classic, loom.}; that line is both
 * what a reader is told and what {@code DashboardQueriesIT} holds the panel to.
 */
final class Dashboards {

	static final String SIDE_BY_SIDE = "io-models-side-by-side.json";

	static final List<String> SERVICES = List.of("classic", "loom", "webflux");

	private static final Pattern APPLIES_TO = Pattern.compile("Applies to: ([a-z, ]+)\\.\\s*$");

	private static final JsonMapper json = JsonMapper.builder().build();

	private Dashboards() {
	}

	static List<Dashboard> all() {
		return ProjectFiles.dashboardFiles().stream().map(Dashboards::read).toList();
	}

	static JsonNode tree(Path file) {
		return json.readTree(file.toFile());
	}

	static Dashboard read(Path file) {
		JsonNode root = tree(file);
		List<Panel> panels = new ArrayList<>();
		collectPanels(root.path("panels"), panels);
		Set<String> variables = new LinkedHashSet<>();
		for (JsonNode variable : root.path("templating").path("list")) {
			variables.add(variable.path("name").asString());
		}
		return new Dashboard(file.getFileName().toString(), root.path("uid").asString(), root.path("title").asString(),
				variables, panels);
	}

	private static void collectPanels(JsonNode nodes, List<Panel> panels) {
		for (JsonNode node : nodes) {
			if ("row".equals(node.path("type").asString())) {
				// A collapsed row keeps its panels inside it.
				collectPanels(node.path("panels"), panels);
				continue;
			}
			List<String> expressions = new ArrayList<>();
			for (JsonNode target : node.path("targets")) {
				expressions.add(target.path("expr").asString());
			}
			String description = node.path("description").asString();
			panels
				.add(new Panel(node.path("title").asString(), description, appliesTo(description), expressions, node));
		}
	}

	/**
	 * Return the services a panel description says the panel shows.
	 * @param description the panel's description
	 * @return the services, empty if the description does not say
	 */
	static Set<String> appliesTo(String description) {
		Matcher matcher = APPLIES_TO.matcher(description);
		if (!matcher.find()) {
			return Set.of();
		}
		Set<String> services = new LinkedHashSet<>();
		Arrays.stream(matcher.group(1).split(",")).map(String::strip).forEach(services::add);
		return services;
	}

	/**
	 * A dashboard.
	 *
	 * @param file its file name
	 * @param uid its uid
	 * @param title its title
	 * @param variables the names of its template variables
	 * @param panels its panels, rows left out
	 */
	record Dashboard(String file, String uid, String title, Set<String> variables, List<Panel> panels) {

		/**
		 * Whether the dashboard shows one service at a time, chosen by its
		 * {@code application} variable.
		 * @return whether it does
		 */
		boolean perService() {
			return this.variables.contains("application");
		}

	}

	/**
	 * A panel.
	 *
	 * @param title its title
	 * @param description its description
	 * @param appliesTo the services it claims to show
	 * @param expressions the PromQL of its queries
	 * @param json the panel itself
	 */
	record Panel(String title, String description, Set<String> appliesTo, List<String> expressions, JsonNode json) {
	}

}
