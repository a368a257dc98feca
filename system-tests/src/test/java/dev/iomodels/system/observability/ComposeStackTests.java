package dev.iomodels.system.observability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import dev.iomodels.system.observability.Dashboards.Dashboard;
import dev.iomodels.system.observability.Dashboards.Panel;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.iomodels.system.observability.ProjectFiles.list;
import static dev.iomodels.system.observability.ProjectFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be proven about {@code docker compose up} without Docker: the compose file
 * parses and everything it names exists; the three services get identical resources and
 * the harness's fair JVM flags; Prometheus scrapes exactly the services' management ports
 * by their compose names; Grafana's provisioning points at that Prometheus and at the
 * dashboards; and the dashboards are valid, use only the provisioned data source, and
 * tell the reader what each panel shows.
 */
class ComposeStackTests {

	private static final String DATASOURCE_UID = "prometheus";

	/**
	 * The colour of each service on every side-by-side panel, as docs/metrics.md lists
	 * them.
	 */
	private static final Map<String, String> COLOURS = Map.of("classic", "#3274D9", "loom", "#56A64B", "webflux",
			"#FF9830");

	private static final Set<String> ALL = Set.of("classic", "loom", "webflux");

	/**
	 * The rows and panels issue 3 asks of the home dashboard: each must be one panel of
	 * its row, in its unit, with these queries, showing these services.
	 */
	private static final List<HomePanel> HOME_PANELS = List.of(
			new HomePanel("Load", "requests per second", "reqps", ALL,
					"rate\\(http_server_requests_seconds_count\\{transport"),
			new HomePanel("Load", "error share", "percentunit", ALL,
					"http_server_requests_seconds_count\\{status=~\"\\[45\\]\\.\\.\""),
			new HomePanel("Load", "requests in flight", "short", ALL, "\\(http_server_requests_in_flight\\{"),
			new HomePanel("Latency", "p50", "s", ALL,
					"histogram_quantile\\(0\\.5, .*http_server_requests_seconds_bucket"),
			new HomePanel("Latency", "p95", "s", ALL,
					"histogram_quantile\\(0\\.95, .*http_server_requests_seconds_bucket"),
			new HomePanel("Latency", "p99", "s", ALL,
					"histogram_quantile\\(0\\.99, .*http_server_requests_seconds_bucket"),
			new HomePanel("Threads", "platform threads live", "short", ALL, "\\(jvm_threads_live_threads\\{"),
			new HomePanel("Threads", "virtual threads mounted and queued", "short", Set.of("loom"),
					"jvm_threads_virtual_live_threads\\{[^}]*scheduling_status=\"mounted\"",
					"jvm_threads_virtual_live_threads\\{[^}]*scheduling_status=\"queued\""),
			new HomePanel("Threads", "Tomcat busy vs max", "short", Set.of("classic"), "tomcat_threads_busy_threads\\{",
					"tomcat_threads_config_max_threads\\{"),
			new HomePanel("Threads", "Netty pending tasks", "short", Set.of("webflux"),
					"reactor_netty_eventloop_pending_tasks\\{"),
			new HomePanel("Threads", "OS threads", "short", ALL, "\\(process_threads\\{"),
			new HomePanel("Memory", "RSS", "bytes", ALL, "process_memory_rss_bytes\\{"),
			new HomePanel("Memory", "heap", "bytes", ALL, "jvm_memory_used_bytes\\{area=\"heap\""),
			new HomePanel("Memory", "non-heap", "bytes", ALL, "jvm_memory_used_bytes\\{area=\"nonheap\""),
			new HomePanel("Memory", "direct buffers", "bytes", ALL, "jvm_buffer_memory_used_bytes\\{id=\"direct\""),
			new HomePanel("CPU", "process CPU", "percentunit", ALL, "process_cpu_usage\\{"),
			new HomePanel("CPU", "allocation rate", "Bps", ALL, "rate\\(jvm_gc_memory_allocated_bytes_total\\{"),
			new HomePanel("GC", "time in GC pauses", "percentunit", ALL, "rate\\(jvm_gc_pause_seconds_sum\\{"),
			new HomePanel("GC", "GC pauses per second", "short", ALL, "rate\\(jvm_gc_pause_seconds_count\\{"),
			// Issue 17: the connections to the storage node, and the node itself.
			new HomePanel("Remote storage", "storage-node connections in use vs max", "short", ALL,
					"\\(storage_remote_connections_active_connections\\{",
					"\\(storage_remote_connections_max_connections\\{"),
			new HomePanel("Remote storage", "requests waiting for a storage-node connection", "short", ALL,
					"\\(storage_remote_connections_pending_requests\\{"),
			new HomePanel("Remote storage", "storage-node connection acquire time", "s", ALL,
					"rate\\(storage_remote_connections_acquire_seconds_sum\\{",
					"rate\\(storage_remote_connections_acquire_seconds_count\\{"),
			new HomePanel("Remote storage", "the storage node's answer time", "s", Set.of(Dashboards.STORAGE_NODE),
					"histogram_quantile\\(0\\.99, .*storage_node_requests_seconds_bucket\\{"));

	private final Map<String, Object> compose = ProjectFiles.yaml(ProjectFiles.composeFile());

	@Test
	void composeUpRunsTheThreeServicesPrometheusAndGrafana() {
		// Anything else (a load generator, say) must sit behind a profile.
		assertThat(upServices().keySet()).containsExactlyInAnyOrder("classic-service", "loom-service",
				"webflux-service", "prometheus", "grafana");
	}

	@Test
	void eachServicePublishesItsApiAndManagementPorts() {
		for (Service service : Service.ALL) {
			assertThat(list(service(service.name()).get("ports"))).containsExactlyInAnyOrder(
					service.port() + ":" + service.port(), service.managementPort() + ":" + service.managementPort());
		}
	}

	@Test
	void theServicesRunAsANonRootUserOnAReadOnlyFilesystemWithATmpfsForTmp() throws Exception {
		for (Service service : Service.ALL) {
			Map<String, Object> definition = service(service.name());
			assertThat(definition.get("read_only")).as("read_only of %s", service.name()).isEqualTo(true);
			assertThat(list(definition.get("tmpfs"))).as("tmpfs of %s", service.name())
				.anySatisfy((mount) -> assertThat(String.valueOf(mount)).startsWith("/tmp:"));
			assertThat(list(definition.get("security_opt"))).contains("no-new-privileges:true");
			assertThat(list(definition.get("cap_drop"))).contains("ALL");
			assertThat(definition.get("user")).as("no user override of the image's").isNull();
			String dockerfile = Files.readString(ProjectFiles.root().resolve(service.name()).resolve("Dockerfile"));
			assertThat(dockerfile).containsPattern("(?m)^USER app$").doesNotContainPattern("(?m)^USER (root|0)\\b");
		}
	}

	@Test
	void noSecretIsCommittedInTheComposeFile() throws Exception {
		String text = Files.readString(ProjectFiles.composeFile());
		// Every secret comes from the environment: the write token defaults to none.
		assertThat(text).contains("STORAGE_AUTH_TOKEN: ${STORAGE_AUTH_TOKEN:-}")
			.doesNotContainPattern("(?i)(password|token|secret)[A-Z_]*: *[\"']?[A-Za-z0-9]{6,}");
	}

	@Test
	void theThreeServicesGetIdenticalLimitsAndTheHarnesssFairJvmFlags() {
		List<Map<String, Object>> fairness = new ArrayList<>();
		for (Service service : Service.ALL) {
			Map<String, Object> definition = service(service.name());
			Map<String, Object> settings = new LinkedHashMap<>();
			settings.put("cpus", definition.get("cpus"));
			settings.put("mem_limit", definition.get("mem_limit"));
			settings.put("environment", definition.get("environment"));
			fairness.add(settings);
		}
		assertThat(fairness).as("cpus, mem_limit and environment of the three services").containsOnly(fairness.get(0));
		Map<String, Object> settings = fairness.get(0);
		assertThat(settings.get("cpus")).isNotNull();
		assertThat(settings.get("mem_limit")).isNotNull();
		String flags = String.valueOf(map(settings.get("environment")).get("JAVA_TOOL_OPTIONS"));
		List<String> tokens = Arrays.asList(flags.split("\\s+"));
		assertThat(tokens).containsAll(ServiceProcess.FAIR_JVM_FLAGS);
		// The only flag beyond the harness's: the processor count, pinned to the cpus
		// limit.
		assertThat(tokens).hasSize(ServiceProcess.FAIR_JVM_FLAGS.size() + 1)
			.contains("-XX:ActiveProcessorCount=" + settings.get("cpus"));
	}

	@Test
	void everyImageComposeBuildsHasItsContextAndDockerfile() {
		// All services, those behind a profile too: the file must not name what is not
		// there.
		for (Map.Entry<String, Object> entry : services().entrySet()) {
			Object build = map(entry.getValue()).get("build");
			if (build == null) {
				continue;
			}
			String context = (build instanceof String path) ? path : String.valueOf(map(build).get("context"));
			Object named = (build instanceof String) ? null : map(build).get("dockerfile");
			String dockerfile = (named != null) ? String.valueOf(named) : "Dockerfile";
			Path directory = ProjectFiles.root().resolve(context).normalize();
			assertThat(directory).as("build context of %s", entry.getKey()).isDirectory();
			assertThat(directory.resolve(dockerfile)).as("Dockerfile of %s", entry.getKey()).isRegularFile();
		}
	}

	@Test
	void everyFileThatComposeUpMountsExists() {
		for (Map.Entry<String, Object> entry : upServices().entrySet()) {
			Object volumes = map(entry.getValue()).get("volumes");
			if (volumes == null) {
				continue;
			}
			for (Object volume : list(volumes)) {
				String source = String.valueOf(volume).split(":")[0];
				assertThat(source).as("%s mounts a file of the repository", entry.getKey()).startsWith("./");
				assertThat(ProjectFiles.root().resolve(source)).as("%s mounts %s", entry.getKey(), source).exists();
			}
		}
	}

	@Test
	void prometheusAndGrafanaStartOnlyOnceWhatTheyNeedIsHealthy() {
		Map<String, Object> prometheus = service("prometheus");
		assertThat(map(prometheus.get("healthcheck")).get("test")).isNotNull();
		for (Service service : Service.ALL) {
			assertThat(map(map(prometheus.get("depends_on")).get(service.name()))).containsEntry("condition",
					"service_healthy");
		}
		assertThat(map(map(service("grafana").get("depends_on")).get("prometheus"))).containsEntry("condition",
				"service_healthy");
		assertThat(list(prometheus.get("ports"))).contains("9090:9090");
		assertThat(list(service("grafana").get("ports"))).contains("3000:3000");
	}

	@Test
	void grafanaIsReadOnlyForAnonymousViewersAndNeedsNoVariableToStart() throws Exception {
		Map<String, Object> environment = map(service("grafana").get("environment"));
		assertThat(environment).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "true")
			.containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer");
		// No value: compose passes it on from the shell or an optional .env, and leaves
		// it
		// unset otherwise (Grafana's admin/admin, changed at the first sign-in). Never a
		// value in the file, never a mandatory ${...:?} anywhere.
		assertThat(environment).containsKey("GF_SECURITY_ADMIN_PASSWORD");
		assertThat(environment.get("GF_SECURITY_ADMIN_PASSWORD")).isNull();
		assertThat(Files.readString(ProjectFiles.composeFile())).doesNotContain(":?")
			.doesNotContainPattern("GF_SECURITY_ADMIN_PASSWORD: *[^ \n]");
		assertThat(Files.readString(ProjectFiles.root().resolve(".gitignore"))).containsPattern("(?m)^\\.env$");
		Path home = containerToRepository("grafana",
				String.valueOf(environment.get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")));
		assertThat(home).isEqualTo(ProjectFiles.dashboards().resolve(Dashboards.SIDE_BY_SIDE)).isRegularFile();
	}

	@Test
	void composeUpNeedsNoVariableAndNoStepBeforeIt() throws Exception {
		// Every variable the plain stack reads has a default; nothing is built outside
		// the images.
		String text = Files.readString(ProjectFiles.composeFile());
		Matcher variable = Pattern.compile("\\$\\{([A-Z_]+)([^}]*)}").matcher(text);
		while (variable.find()) {
			assertThat(variable.group(2)).as("${%s} has a default", variable.group(1)).startsWith(":-");
		}
		for (Map.Entry<String, Object> entry : services().entrySet()) {
			Object build = map(entry.getValue()).get("build");
			if (build != null) {
				String dockerfile = String.valueOf(map(build).get("dockerfile"));
				assertThat(Files.readString(ProjectFiles.root().resolve(dockerfile)))
					.as("%s copies nothing built outside the image", dockerfile)
					.doesNotContainPattern("(?m)^COPY (--chown=\\S+ )?\\S*target/");
			}
		}
	}

	@Test
	void prometheusScrapesEachServicesManagementPortByItsComposeName() {
		Map<String, Object> config = ProjectFiles.yaml(ProjectFiles.prometheusConfig());
		assertThat(map(config.get("global"))).containsEntry("scrape_interval", "5s");
		Map<String, String> targets = new LinkedHashMap<>();
		for (Object job : list(config.get("scrape_configs"))) {
			Map<String, Object> scrape = map(job);
			assertThat(scrape).containsEntry("metrics_path", "/actuator/prometheus");
			for (Object staticConfig : list(scrape.get("static_configs"))) {
				for (Object target : list(map(staticConfig).get("targets"))) {
					targets.put(String.valueOf(target), String.valueOf(scrape.get("job_name")));
				}
			}
		}
		Map<String, String> expected = new LinkedHashMap<>();
		for (Service service : Service.ALL) {
			expected.put(service.name() + ":" + service.managementPort(), service.name());
			assertThat(services()).containsKey(service.name());
		}
		assertThat(targets).containsExactlyInAnyOrderEntriesOf(expected);
	}

	@Test
	void grafanaReadsTheComposePrometheusUnderAFixedUid() {
		List<Path> files = ProjectFiles.yamlFiles(ProjectFiles.grafanaDatasources());
		assertThat(files).hasSize(1);
		List<Object> datasources = list(ProjectFiles.yaml(files.get(0)).get("datasources"));
		assertThat(datasources).hasSize(1);
		Map<String, Object> prometheus = map(datasources.get(0));
		assertThat(prometheus).containsEntry("uid", DATASOURCE_UID)
			.containsEntry("type", "prometheus")
			.containsEntry("url", "http://prometheus:9090");
		assertThat(map(prometheus.get("jsonData"))).as("the scrape interval, for $__rate_interval")
			.containsEntry("timeInterval", "5s");
	}

	@Test
	void grafanaLoadsTheDashboardsFromWhereComposeMountsThem() {
		List<Path> files = ProjectFiles.yamlFiles(ProjectFiles.grafanaDashboardProviders());
		assertThat(files).hasSize(1);
		Map<String, Object> provider = map(list(ProjectFiles.yaml(files.get(0)).get("providers")).get(0));
		assertThat(provider).containsEntry("type", "file");
		String path = String.valueOf(map(provider.get("options")).get("path"));
		assertThat(containerToRepository("grafana", path)).isEqualTo(ProjectFiles.dashboards());
		assertThat(containerToRepository("grafana", "/etc/grafana/provisioning/datasources"))
			.isEqualTo(ProjectFiles.grafanaDatasources());
	}

	@Test
	void dashboardsAreValidJsonWithUniqueUidsAndUseOnlyTheProvisionedDatasource() {
		List<Path> files = ProjectFiles.dashboardFiles();
		assertThat(files).extracting((file) -> file.getFileName().toString())
			.contains(Dashboards.SIDE_BY_SIDE, "io-models-service.json");
		Set<String> uids = new HashSet<>();
		for (Path file : files) {
			JsonNode root = Dashboards.tree(file);
			assertThat(uids.add(root.path("uid").asString())).as("uid of %s is unique", file).isTrue();
			List<String> datasources = new ArrayList<>();
			collectDatasources(root, datasources);
			assertThat(datasources).as("data sources named in %s", file).isNotEmpty().containsOnly(DATASOURCE_UID);
			assertThat(Files.isRegularFile(file)).isTrue();
		}
	}

	@Test
	void everyPanelSaysWhatToLookForWhichServicesItShowsAndInWhatUnit() {
		for (Dashboard dashboard : Dashboards.all()) {
			assertThat(dashboard.panels()).as(dashboard.file()).isNotEmpty();
			for (Panel panel : dashboard.panels()) {
				String where = dashboard.file() + " / " + panel.title();
				assertThat(panel.description()).as(where).hasSizeGreaterThan(80);
				assertThat(panel.backend()).as("backend of %s", where).isIn(null, "postgres", "remote");
				assertThat(panel.json().path("fieldConfig").path("defaults").path("unit").asString()).as(where)
					.isNotBlank();
				assertThat(panel.expressions()).as(where)
					.isNotEmpty()
					.allSatisfy((expr) -> assertThat(expr).isNotBlank());
				if (panel.storageNode()) {
					// The storage node's own meters: one node shared by the services,
					// with
					// no service, model or transport of its own.
					assertThat(panel.appliesTo()).as("'Applies to:' of %s", where)
						.containsExactly(Dashboards.STORAGE_NODE);
					assertThat(panel.backend()).as("backend of %s", where).isEqualTo("remote");
					assertThat(panel.expressions()).as(where)
						.allSatisfy(
								(expr) -> assertThat(expr).contains("{application=\"" + Dashboards.STORAGE_NODE + "\"")
									.doesNotContain("$application")
									.doesNotContain("$transport"));
					continue;
				}
				assertThat(panel.appliesTo()).as("'Applies to:' of %s", where)
					.isNotEmpty()
					.isSubsetOf(Dashboards.SERVICES);
				if (dashboard.perService()) {
					assertThat(panel.expressions()).as(where)
						.allSatisfy((expr) -> assertThat(expr).contains("application=\"$application\""));
				}
				assertThat(panel.expressions()).as(where)
					.allSatisfy((expr) -> assertThat(expr).contains("transport=~\"$transport\""));
			}
		}
	}

	@Test
	void theSideBySideDashboardShowsEachServiceInItsOwnColourOnEveryPanel() {
		Dashboard home = Dashboards.read(ProjectFiles.dashboards().resolve(Dashboards.SIDE_BY_SIDE));
		assertThat(home.title()).isEqualTo("I/O models — side by side");
		for (Panel panel : home.panels()) {
			if (panel.storageNode()) {
				assertThat(panel.json().path("targets")).as(panel.title())
					.allSatisfy((target) -> assertThat(target.path("legendFormat").asString())
						.startsWith("{{application}}"));
				continue;
			}
			Map<String, String> colours = new LinkedHashMap<>();
			for (JsonNode override : panel.json().path("fieldConfig").path("overrides")) {
				Matcher service = Pattern.compile("^\\^([a-z]+)")
					.matcher(override.path("matcher").path("options").asString());
				for (JsonNode property : override.path("properties")) {
					if ("color".equals(property.path("id").asString()) && service.find()) {
						colours.put(service.group(1), property.path("value").path("fixedColor").asString());
					}
				}
			}
			assertThat(colours).as(panel.title()).containsExactlyInAnyOrderEntriesOf(COLOURS);
			assertThat(panel.json().path("targets")).as(panel.title())
				.allSatisfy(
						(target) -> assertThat(target.path("legendFormat").asString()).startsWith("{{application}}"));
		}
	}

	@Test
	void everySeriesOfTheSideBySidePanelsIsDrawnInItsServicesColourOnEveryTransport() {
		Dashboard home = Dashboards.read(ProjectFiles.dashboards().resolve(Dashboards.SIDE_BY_SIDE));
		for (Panel panel : home.panels()) {
			if (panel.storageNode()) {
				// One series, the node's: the services' colours are not its.
				continue;
			}
			Map<String, Pattern> matchers = new LinkedHashMap<>();
			for (JsonNode override : panel.json().path("fieldConfig").path("overrides")) {
				for (JsonNode property : override.path("properties")) {
					if ("color".equals(property.path("id").asString())) {
						assertThat(override.path("matcher").path("id").asString()).isEqualTo("byRegexp");
						String regexp = override.path("matcher").path("options").asString();
						matchers.put(property.path("value").path("fixedColor").asString(), Pattern.compile(regexp));
					}
				}
			}
			for (JsonNode target : panel.json().path("targets")) {
				for (Service service : Service.ALL) {
					for (String transport : service.transports()) {
						// The name Grafana gives the series, which its overrides match.
						String name = target.path("legendFormat")
							.asString()
							.replace("{{application}}", service.shortName())
							.replace("{{transport}}", transport);
						Set<String> colours = new HashSet<>();
						matchers.forEach((colour, regexp) -> {
							if (regexp.matcher(name).matches()) {
								colours.add(colour);
							}
						});
						assertThat(colours).as("colours of the series '%s' in %s", name, panel.title())
							.containsExactly(COLOURS.get(service.shortName()));
					}
				}
			}
		}
	}

	@Test
	void theLoadProfileRunsASimulationFromAContainerWithItsOwnCpuLimit() throws Exception {
		Map<String, Object> gatling = service("gatling");
		assertThat(list(gatling.get("profiles"))).containsExactly("load");
		// Its own limit, so that the load generator cannot take the services' CPU.
		assertThat(gatling.get("cpus")).as("cpus of the load generator").isNotNull();
		assertThat(Double.parseDouble(String.valueOf(gatling.get("cpus")))).isPositive();
		Map<String, Object> build = map(gatling.get("build"));
		Path dockerfile = ProjectFiles.root()
			.resolve(String.valueOf(build.get("context")))
			.resolve(String.valueOf(build.get("dockerfile")))
			.normalize();
		assertThat(dockerfile).isEqualTo(ProjectFiles.root().resolve("gatling/Dockerfile"));
		String text = Files.readString(dockerfile);
		assertThat(text).contains("ENTRYPOINT [\"./mvnw\", \"-B\", \"-pl\", \"gatling\", \"gatling:test\"]");
		assertThat(list(gatling.get("volumes"))).contains("./gatling/target/gatling:/project/gatling/target/gatling");
		// The compose file's default command, the Dockerfile's, and those of the README
		// and docs/ must each name a simulation that exists and a service compose runs,
		// on its API port.
		List<String> commands = new ArrayList<>();
		commands.add(String.join(" ", list(gatling.get("command")).stream().map(String::valueOf).toList()));
		Matcher cmd = Pattern.compile("(?m)^CMD \\[(.*)]$").matcher(text);
		assertThat(cmd.find()).as("CMD of %s", dockerfile).isTrue();
		commands.add(cmd.group(1).replace("\"", "").replace(",", " "));
		StringBuilder documents = new StringBuilder(Files.readString(dockerfile))
			.append(Files.readString(ProjectFiles.composeFile()))
			.append(Files.readString(ProjectFiles.root().resolve("README.md")));
		for (Path page : ProjectFiles.docs()) {
			documents.append(Files.readString(page));
		}
		Matcher documented = Pattern.compile("docker compose --profile load run --rm gatling ([^`\n]+)")
			.matcher(documents);
		while (documented.find()) {
			commands.add(documented.group(1));
		}
		assertThat(commands).hasSizeGreaterThanOrEqualTo(5);
		for (String command : commands) {
			Matcher simulation = Pattern.compile("-Dgatling\\.simulationClass=dev\\.iomodels\\.gatling\\.(\\w+)")
				.matcher(command);
			assertThat(simulation.find()).as("simulation in %s", command).isTrue();
			assertThat(ProjectFiles.root()
				.resolve("gatling/src/main/java/dev/iomodels/gatling/" + simulation.group(1) + ".java"))
				.isRegularFile();
			// A service by its compose name on its API port: -Dtarget would mean
			// localhost,
			// which in the container is the container itself.
			Matcher baseUrl = Pattern.compile("-DbaseUrl=http://([a-z-]+):(\\d+)").matcher(command);
			assertThat(baseUrl.find()).as("-DbaseUrl=http://<service>:<port> in %s", command).isTrue();
			Service service = Service.named(baseUrl.group(1));
			assertThat(services()).containsKey(service.name());
			assertThat(Integer.parseInt(baseUrl.group(2))).as(command).isEqualTo(service.port());
			assertThat(command).doesNotContain("-Dtarget=");
		}
	}

	@Test
	void theSideBySideDashboardHasARowForEachPartOfTheStoryWithItsPanels() {
		Path file = ProjectFiles.dashboards().resolve(Dashboards.SIDE_BY_SIDE);
		Map<String, String> rows = new LinkedHashMap<>();
		List<String> rowTitles = new ArrayList<>();
		String row = null;
		for (JsonNode node : Dashboards.tree(file).path("panels")) {
			if ("row".equals(node.path("type").asString())) {
				row = node.path("title").asString();
				rowTitles.add(row);
				for (JsonNode inside : node.path("panels")) {
					rows.put(inside.path("title").asString(), row);
				}
			}
			else {
				rows.put(node.path("title").asString(), row);
			}
		}
		assertThat(rowTitles).startsWith("Load", "Latency", "Threads", "Memory", "CPU", "GC");
		List<Panel> panels = Dashboards.read(file).panels();
		for (HomePanel wanted : HOME_PANELS) {
			List<Panel> found = panels.stream()
				.filter((panel) -> wanted.row().equals(rows.get(panel.title())))
				.filter((panel) -> wanted.unit()
					.equals(panel.json().path("fieldConfig").path("defaults").path("unit").asString()))
				.filter((panel) -> wanted.queries()
					.stream()
					.allMatch((query) -> panel.expressions().stream().anyMatch((expr) -> query.matcher(expr).find())))
				.toList();
			assertThat(found).as("a panel in row %s for %s, in %s", wanted.row(), wanted.what(), wanted.unit())
				.hasSize(1);
			assertThat(found.get(0).appliesTo()).as("services of %s", wanted.what())
				.containsExactlyInAnyOrderElementsOf(wanted.services());
		}
		// The issue's example of what a description should tell: why loom's platform
		// threads stay flat while it serves thousands of requests.
		Panel platform = panels.stream()
			.filter((panel) -> panel.expressions()
				.stream()
				.anyMatch((expr) -> expr.contains("jvm_threads_live_threads")))
			.findFirst()
			.orElseThrow();
		assertThat(platform.description()).contains("loom stays flat").contains("virtual thread").contains("carrier");
		// One series per service: every query is aggregated by service (and transport).
		assertThat(panels).filteredOn((panel) -> !panel.storageNode())
			.allSatisfy((panel) -> assertThat(panel.expressions()).as(panel.title())
				.allSatisfy((expr) -> assertThat(expr).contains("by (application, transport")));
		// One series for the node: it is shared by the three services.
		assertThat(panels).filteredOn(Panel::storageNode)
			.isNotEmpty()
			.allSatisfy((panel) -> assertThat(panel.expressions()).as(panel.title())
				.allSatisfy((expr) -> assertThat(expr).contains("by (application")));
	}

	@Test
	void theTransportSelectorsAllLeavesOutSeriesWithoutATransport() {
		// "All" must not match a series without the label, as .* would: the storage
		// node's JVM meters (application storage-node) would then be drawn, uncoloured,
		// beside the services' on the remote stack.
		for (Dashboard dashboard : Dashboards.all()) {
			assertThat(dashboard.transportAllValue()).as(dashboard.file()).isEqualTo(".+");
		}
	}

	@Test
	void theOneServiceDashboardShowsOneServiceChosenByItsApplicationVariable() {
		JsonNode root = Dashboards.tree(ProjectFiles.dashboards().resolve("io-models-service.json"));
		JsonNode application = null;
		for (JsonNode variable : root.path("templating").path("list")) {
			if ("application".equals(variable.path("name").asString())) {
				application = variable;
			}
		}
		assertThat(application).as("the application variable").isNotNull();
		assertThat(application.path("type").asString()).isEqualTo("query");
		assertThat(application.path("definition").asString()).matches("label_values\\(\\w+, *application\\)");
		assertThat(application.path("multi").asBoolean()).as("multi").isFalse();
		assertThat(application.path("includeAll").asBoolean()).as("includeAll").isFalse();
		assertThat(application.path("datasource").path("uid").asString()).isEqualTo(DATASOURCE_UID);
	}

	@Test
	void theMetricsPageNamesTheServiceColours() throws Exception {
		String page = Files.readString(ProjectFiles.root().resolve("docs/metrics.md"));
		COLOURS.values()
			.forEach((colour) -> assertThat(page.contains(colour)).as("docs/metrics.md names %s", colour).isTrue());
	}

	private void collectDatasources(JsonNode node, List<String> uids) {
		if (node.isObject()) {
			JsonNode datasource = node.get("datasource");
			if (datasource != null && !datasource.isNull()) {
				uids.add(datasource.path("uid").asString());
			}
		}
		for (JsonNode child : node) {
			collectDatasources(child, uids);
		}
	}

	/**
	 * Map a path inside a container to the repository file mounted there.
	 */
	private Path containerToRepository(String service, String containerPath) {
		for (Object volume : list(service(service).get("volumes"))) {
			String[] parts = String.valueOf(volume).split(":");
			if (containerPath.equals(parts[1]) || containerPath.startsWith(parts[1] + "/")) {
				return ProjectFiles.root()
					.resolve(parts[0])
					.resolve(containerPath.substring(parts[1].length()).replaceFirst("^/", ""))
					.normalize();
			}
		}
		throw new AssertionError(containerPath + " is not mounted into " + service);
	}

	private Map<String, Object> services() {
		return map(this.compose.get("services"));
	}

	/**
	 * Return the services that a plain {@code docker compose up} starts: those in no
	 * profile.
	 */
	private Map<String, Object> upServices() {
		Map<String, Object> up = new LinkedHashMap<>();
		services().forEach((name, definition) -> {
			if (map(definition).get("profiles") == null) {
				up.put(name, definition);
			}
		});
		return up;
	}

	private Map<String, Object> service(String name) {
		Map<String, Object> service = map(services().get(name));
		assertThat(service).as("compose service %s", name).isNotNull();
		return service;
	}

	/**
	 * A panel the home dashboard must have.
	 *
	 * @param row the title of its row
	 * @param what what it shows, for the failure message
	 * @param unit its unit
	 * @param services the services it shows
	 * @param queries what its queries must contain between them, each found in one
	 */
	private record HomePanel(String row, String what, String unit, Set<String> services, List<Pattern> queries) {

		HomePanel(String row, String what, String unit, Set<String> services, String... queries) {
			this(row, what, unit, services, Arrays.stream(queries).map(Pattern::compile).toList());
		}

	}

}
