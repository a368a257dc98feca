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
 * what a reader is told and what {@code DashboardQueriesIT} holds the panel to. A panel
 * that has data on one storage backend only says so:
 * {@code Applies to: classic, loom, webflux on the remote backend.}; a panel of the
 * storage node's own meters names it instead of the services:
 * {@code Applies to: storage-node on the remote backend.}
 */
final class Dashboards {

	static final String SIDE_BY_SIDE = "io-models-side-by-side.json";

	static final List<String> SERVICES = List.of("classic", "loom", "webflux");

	/**
	 * The {@code application} of the storage node's meters, which a node panel names in
	 * its {@code Applies to:} line.
	 */
	static final String STORAGE_NODE = "storage-node";

	private static final Pattern APPLIES_TO = Pattern
		.compile("Applies to: ([a-z, -]+?)(?: on the ([a-z]+) backend)?\\.\\s*$");

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
		String transportAllValue = null;
		for (JsonNode variable : root.path("templating").path("list")) {
			variables.add(variable.path("name").asString());
			if ("transport".equals(variable.path("name").asString())) {
				transportAllValue = variable.path("allValue").asString();
			}
		}
		return new Dashboard(file.getFileName().toString(), root.path("uid").asString(), root.path("title").asString(),
				variables, transportAllValue, panels);
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
			panels.add(new Panel(node.path("title").asString(), description, appliesTo(description),
					backend(description), expressions, node));
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
	 * Return the storage backend a panel description says the panel has data on.
	 * @param description the panel's description
	 * @return the backend ({@code postgres}, {@code remote}), or {@code null} for any
	 */
	static String backend(String description) {
		Matcher matcher = APPLIES_TO.matcher(description);
		return matcher.find() ? matcher.group(2) : null;
	}

	/**
	 * A dashboard.
	 *
	 * @param file its file name
	 * @param uid its uid
	 * @param title its title
	 * @param variables the names of its template variables
	 * @param transportAllValue what its {@code transport} variable stands for when "All"
	 * is chosen
	 * @param panels its panels, rows left out
	 */
	record Dashboard(String file, String uid, String title, Set<String> variables, String transportAllValue,
			List<Panel> panels) {

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
	 * @param appliesTo the services it claims to show, or {@link #STORAGE_NODE} alone
	 * @param backend the only storage backend it has data on, or {@code null} for any
	 * @param expressions the PromQL of its queries
	 * @param json the panel itself
	 */
	record Panel(String title, String description, Set<String> appliesTo, String backend, List<String> expressions,
			JsonNode json) {

		/**
		 * Whether the panel shows the storage node's own meters rather than the
		 * services'.
		 * @return whether it does
		 */
		boolean storageNode() {
			return this.appliesTo.contains(STORAGE_NODE);
		}

		/**
		 * Whether the panel has data when the services run on a backend.
		 * @param running the backend the services run on
		 * @return whether it has
		 */
		boolean hasDataOn(String running) {
			return this.backend == null || this.backend.equals(running);
		}

	}

}
