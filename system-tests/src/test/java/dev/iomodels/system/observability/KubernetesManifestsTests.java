package dev.iomodels.system.observability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.iomodels.harness.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import static dev.iomodels.system.observability.ProjectFiles.list;
import static dev.iomodels.system.observability.ProjectFiles.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The Kubernetes manifests ({@code k8s/}): every overlay and the load build (see
 * {@link KubernetesManifests} for how, without kustomize) into resources that the
 * Kubernetes API's types accept strictly, and they say what the compose stack says: the
 * three services with equal requests and limits, the fair JVM flags, probes on the
 * management port and the same hardening; Prometheus with the repository's scrape
 * configuration, whose targets are these Services; Grafana with the data source and both
 * dashboards where its provisioning expects them; the postgres backend as compose sets it
 * up; and the Gatling load as a Job with resources of its own, kept off the services'
 * nodes where it can be.
 */
class KubernetesManifestsTests {

	private static final String NAMESPACE = "io-models";

	private final Map<String, Object> compose = ProjectFiles.yaml(ProjectFiles.composeFile());

	@Test
	void everyOverlayAndTheLoadBuildIntoValidKubernetesObjectsInOneNamespace() {
		for (Path kustomization : KubernetesManifests.applied()) {
			List<HasMetadata> resources = typed(kustomization);
			assertThat(resources).as(kustomization.toString()).isNotEmpty();
			Set<String> names = new HashSet<>();
			for (HasMetadata resource : resources) {
				String name = resource.getKind() + "/" + resource.getMetadata().getName();
				assertThat(resource.getMetadata().getName()).as("name in %s", kustomization).isNotBlank();
				assertThat(names.add(name)).as("%s once in %s", name, kustomization).isTrue();
				if (!resource.getKind().equals("Namespace")) {
					assertThat(resource.getMetadata().getNamespace()).as(name).isEqualTo(NAMESPACE);
				}
			}
		}
	}

	@Test
	void theStrictReadingRejectsUnknownFieldsWrongTypesAndUnknownKinds() {
		Map<String, Object> deployment = KubernetesManifests.build(KubernetesManifests.applied().getFirst())
			.stream()
			.filter((resource) -> resource.get("kind").equals("Deployment"))
			.findFirst()
			.orElseThrow();
		assertThat(KubernetesManifests.read(deployment)).isInstanceOf(Deployment.class);
		Map<String, Object> misspelt = copy(deployment);
		map(misspelt.get("spec")).put("replica", 1);
		assertThatIllegalArgumentException().isThrownBy(() -> KubernetesManifests.read(misspelt))
			.withMessageContaining("replica");
		Map<String, Object> nested = copy(deployment);
		map(firstContainer(nested)).put("readinesProbe", Map.of());
		assertThatIllegalArgumentException().isThrownBy(() -> KubernetesManifests.read(nested))
			.withMessageContaining("readinesProbe");
		Map<String, Object> wrongType = copy(deployment);
		map(list(map(firstContainer(wrongType)).get("ports")).getFirst()).put("containerPort", "api");
		assertThatIllegalArgumentException().isThrownBy(() -> KubernetesManifests.read(wrongType));
		Map<String, Object> unknownKind = copy(deployment);
		unknownKind.put("kind", "Deploymnet");
		assertThatIllegalArgumentException().isThrownBy(() -> KubernetesManifests.read(unknownKind))
			.withMessageContaining("Unknown kind");
	}

	@Test
	void theThreeServicesGetEqualRequestsAndLimitsAndTheFairJvmFlags() {
		String composeFlags = String
			.valueOf(map(map(map(this.compose.get("services")).get("classic-service")).get("environment"))
				.get("JAVA_TOOL_OPTIONS"));
		for (Path overlay : overlays()) {
			List<ResourceRequirements> resources = new ArrayList<>();
			List<Map<String, String>> environments = new ArrayList<>();
			for (Service service : Service.ALL) {
				Container container = container(deployment(overlay, service.name()), service.name());
				ResourceRequirements requirements = container.getResources();
				assertThat(requirements.getRequests()).as("%s in %s: requests equal limits", service.name(), overlay)
					.isEqualTo(requirements.getLimits())
					.containsKeys("cpu", "memory");
				resources.add(requirements);
				Map<String, String> environment = environment(container);
				environment.remove("STORAGE_POSTGRES_URL");
				environments.add(environment);
				assertThat(environment.get("JAVA_TOOL_OPTIONS")).isEqualTo(composeFlags)
					.contains("-XX:ActiveProcessorCount="
							+ requirements.getLimits().get("cpu").getNumericalAmount().intValueExact());
			}
			assertThat(resources).as("resources in %s", overlay).containsOnly(resources.getFirst());
			assertThat(environments).as("environment in %s", overlay).containsOnly(environments.getFirst());
		}
	}

	@Test
	void eachServiceIsProbedOnItsManagementPortAndReachedByItsComposeName() {
		for (Path overlay : overlays()) {
			for (Service service : Service.ALL) {
				Deployment deployment = deployment(overlay, service.name());
				Container container = container(deployment, service.name());
				assertThat(container.getImage())
					.isEqualTo(map(map(this.compose.get("services")).get(service.name())).get("image"));
				Map<String, Integer> ports = new LinkedHashMap<>();
				for (ContainerPort port : container.getPorts()) {
					ports.put(port.getName(), port.getContainerPort());
				}
				assertThat(ports).containsOnly(Map.entry("api", service.port()),
						Map.entry("management", service.managementPort()));
				checkProbe(container.getReadinessProbe(), "/actuator/health/readiness");
				checkProbe(container.getLivenessProbe(), "/actuator/health/liveness");
				checkProbe(container.getStartupProbe(), "/actuator/health/liveness");
				io.fabric8.kubernetes.api.model.Service kubernetesService = service(overlay, service.name());
				assertThat(kubernetesService.getSpec().getSelector().entrySet())
					.isSubsetOf(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet());
				Map<Integer, String> exposed = new LinkedHashMap<>();
				for (ServicePort port : kubernetesService.getSpec().getPorts()) {
					exposed.put(port.getPort(), port.getTargetPort().getStrVal());
				}
				assertThat(exposed).containsOnly(Map.entry(service.port(), "api"),
						Map.entry(service.managementPort(), "management"));
			}
		}
	}

	@Test
	void theServicesAreHardenedAsUnderCompose() {
		for (Path overlay : overlays()) {
			for (Service service : Service.ALL) {
				PodSpec pod = deployment(overlay, service.name()).getSpec().getTemplate().getSpec();
				assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
				assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(DockerfilesTests.APP_UID);
				Container container = container(deployment(overlay, service.name()), service.name());
				assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
				assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
				assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
				VolumeMount tmp = container.getVolumeMounts()
					.stream()
					.filter((mount) -> mount.getMountPath().equals("/tmp"))
					.findFirst()
					.orElseThrow();
				assertThat(volume(pod, tmp.getName()).getEmptyDir()).isNotNull();
			}
		}
	}

	@Test
	void prometheusScrapesTheServicesWithTheRepositorysConfiguration() throws Exception {
		for (Path overlay : overlays()) {
			ConfigMap config = configMap(overlay, "prometheus-config");
			assertThat(config.getData())
				.containsExactlyEntriesOf(Map.of("prometheus.yml", Files.readString(ProjectFiles.prometheusConfig())));
			Deployment prometheus = deployment(overlay, "prometheus");
			Container container = container(prometheus, "prometheus");
			assertThat(container.getArgs()).contains("--config.file=/etc/prometheus/prometheus.yml");
			assertThat(configMapAt(prometheus, container, "/etc/prometheus")).isEqualTo("prometheus-config");
			for (Object job : list(ProjectFiles.yaml(ProjectFiles.prometheusConfig()).get("scrape_configs"))) {
				for (Object staticConfig : list(map(job).get("static_configs"))) {
					for (Object target : list(map(staticConfig).get("targets"))) {
						String[] hostPort = String.valueOf(target).split(":");
						assertThat(service(overlay, hostPort[0]).getSpec().getPorts())
							.as("a Service %s with port %s", hostPort[0], hostPort[1])
							.anySatisfy((port) -> assertThat(port.getPort()).isEqualTo(Integer.parseInt(hostPort[1])));
					}
				}
			}
		}
	}

	@Test
	void grafanaProvisionsTheDataSourceAndBothDashboardsWhereItsFilesExpectThem() throws Exception {
		for (Path overlay : overlays()) {
			Map<String, String> dashboards = new LinkedHashMap<>();
			for (Path file : ProjectFiles.dashboardFiles()) {
				dashboards.put(file.getFileName().toString(), Files.readString(file));
			}
			assertThat(configMap(overlay, "grafana-dashboards").getData()).isEqualTo(dashboards).hasSize(2);
			Path datasource = ProjectFiles.yamlFiles(ProjectFiles.grafanaDatasources()).getFirst();
			assertThat(configMap(overlay, "grafana-datasources").getData())
				.containsExactlyEntriesOf(Map.of(datasource.getFileName().toString(), Files.readString(datasource)));
			Path providers = ProjectFiles.yamlFiles(ProjectFiles.grafanaDashboardProviders()).getFirst();
			assertThat(configMap(overlay, "grafana-dashboard-providers").getData())
				.containsExactlyEntriesOf(Map.of(providers.getFileName().toString(), Files.readString(providers)));
			Deployment grafana = deployment(overlay, "grafana");
			Container container = container(grafana, "grafana");
			assertThat(container.getImage())
				.isEqualTo(map(map(this.compose.get("services")).get("grafana")).get("image"));
			assertThat(configMapAt(grafana, container, "/etc/grafana/provisioning/datasources"))
				.isEqualTo("grafana-datasources");
			assertThat(configMapAt(grafana, container, "/etc/grafana/provisioning/dashboards"))
				.isEqualTo("grafana-dashboard-providers");
			String dashboardPath = String
				.valueOf(map(map(list(ProjectFiles.yaml(providers).get("providers")).getFirst()).get("options"))
					.get("path"));
			assertThat(configMapAt(grafana, container, dashboardPath)).isEqualTo("grafana-dashboards");
			Map<String, String> environment = environment(container);
			assertThat(environment).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "true")
				.containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer")
				.containsEntry("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH",
						dashboardPath + "/" + Dashboards.SIDE_BY_SIDE);
			EnvVar password = container.getEnv()
				.stream()
				.filter((variable) -> variable.getName().equals("GF_SECURITY_ADMIN_PASSWORD"))
				.findFirst()
				.orElseThrow();
			assertThat(password.getValue()).as("never a committed password").isNull();
			assertThat(password.getValueFrom().getSecretKeyRef().getOptional()).isTrue();
			// The data source's address is the Prometheus Service.
			assertThat(service(overlay, "prometheus").getSpec().getPorts())
				.anySatisfy((port) -> assertThat(port.getPort()).isEqualTo(9090));
		}
	}

	@Test
	void thePostgresOverlaySetsUpTheBackendAsComposeDoes() throws Exception {
		Path overlay = KubernetesManifests.directory().resolve("overlays/postgres");
		Map<String, Object> composePostgres = map(
				ProjectFiles.yaml(ProjectFiles.postgresComposeFile()).get("services"));
		for (Service service : Service.ALL) {
			Map<String, String> environment = environment(
					container(deployment(overlay, service.name()), service.name()));
			Map<String, Object> composeEnvironment = map(map(composePostgres.get(service.name())).get("environment"));
			composeEnvironment.forEach((name, value) -> {
				if (!name.equals("STORAGE_POSTGRES_PASSWORD")) {
					assertThat(environment).as(service.name()).containsEntry(name, String.valueOf(value));
				}
			});
			EnvVar password = container(deployment(overlay, service.name()), service.name()).getEnv()
				.stream()
				.filter((variable) -> variable.getName().equals("STORAGE_POSTGRES_PASSWORD"))
				.findFirst()
				.orElseThrow();
			assertThat(password.getValueFrom().getSecretKeyRef().getName()).isEqualTo("io-models-postgres");
		}
		Container postgres = container(deployment(overlay, "postgres"), "postgres");
		assertThat(postgres.getImage()).isEqualTo(map(composePostgres.get("postgres")).get("image"));
		Path init = ProjectFiles.root().resolve("postgres/initdb/10-service-databases.sql");
		assertThat(configMap(overlay, "postgres-initdb").getData())
			.containsExactlyEntriesOf(Map.of(init.getFileName().toString(), Files.readString(init)));
		assertThat(configMapAt(deployment(overlay, "postgres"), postgres, "/docker-entrypoint-initdb.d"))
			.isEqualTo("postgres-initdb");
		// The memory overlay has no database at all.
		assertThat(typed(KubernetesManifests.directory().resolve("overlays/memory")))
			.noneSatisfy((resource) -> assertThat(resource.getMetadata().getName()).isEqualTo("postgres"));
	}

	@Test
	void theLoadIsAJobWithResourcesOfItsOwnKeptOffTheServicesNodes() {
		Path load = KubernetesManifests.directory().resolve("load");
		List<HasMetadata> resources = typed(load);
		assertThat(resources).hasSize(1).first().isInstanceOf(Job.class);
		Job job = (Job) resources.getFirst();
		PodSpec pod = job.getSpec().getTemplate().getSpec();
		assertThat(pod.getRestartPolicy()).isEqualTo("Never");
		Container gatling = pod.getContainers().getFirst();
		Map<String, Object> composeGatling = map(map(this.compose.get("services")).get("gatling"));
		assertThat(gatling.getImage()).isEqualTo(composeGatling.get("image"));
		assertThat(gatling.getResources().getRequests()).isEqualTo(gatling.getResources().getLimits())
			.containsKeys("cpu", "memory");
		// The arguments name a simulation that exists and a service by its name on its
		// API port, as compose's command does.
		String args = String.join(" ", gatling.getArgs());
		Matcher simulation = Pattern.compile("-Dgatling\\.simulationClass=dev\\.iomodels\\.gatling\\.(\\w+)")
			.matcher(args);
		assertThat(simulation.find()).isTrue();
		assertThat(ProjectFiles.root()
			.resolve("gatling/src/main/java/dev/iomodels/gatling/" + simulation.group(1) + ".java")).isRegularFile();
		Matcher baseUrl = Pattern.compile("-DbaseUrl=http://([a-z-]+):(\\d+)").matcher(args);
		assertThat(baseUrl.find()).isTrue();
		assertThat(Integer.parseInt(baseUrl.group(2))).isEqualTo(Service.named(baseUrl.group(1)).port());
		// Away from the services: the anti-affinity selects their pods' labels, per node.
		List<WeightedPodAffinityTerm> terms = pod.getAffinity()
			.getPodAntiAffinity()
			.getPreferredDuringSchedulingIgnoredDuringExecution();
		assertThat(terms).hasSize(1);
		assertThat(terms.getFirst().getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
		Map<String, String> selector = terms.getFirst().getPodAffinityTerm().getLabelSelector().getMatchLabels();
		for (Path overlay : overlays()) {
			for (HasMetadata resource : typed(overlay)) {
				if (resource instanceof Deployment deployment) {
					boolean selected = deployment.getSpec()
						.getTemplate()
						.getMetadata()
						.getLabels()
						.entrySet()
						.containsAll(selector.entrySet());
					boolean isService = Service.ALL.stream()
						.anyMatch((service) -> service.name().equals(deployment.getMetadata().getName()));
					assertThat(selected).as("%s kept apart from the load", deployment.getMetadata().getName())
						.isEqualTo(isService);
				}
			}
		}
	}

	@Test
	void theDocumentationNamesManifestsThatExist() throws Exception {
		String page = Files.readString(ProjectFiles.root().resolve("docs/kubernetes.md"));
		Matcher path = Pattern.compile("\\bk8s/[a-z/.-]+[a-z]").matcher(page);
		Set<String> named = new HashSet<>();
		while (path.find()) {
			named.add(path.group());
			assertThat(ProjectFiles.root().resolve(path.group())).as(path.group()).exists();
		}
		assertThat(named).contains("k8s/overlays/memory", "k8s/overlays/postgres", "k8s/load");
		assertThat(page).contains("--load-restrictor LoadRestrictionsNone").contains("./compare --target");
		assertThat(Files.readString(ProjectFiles.root().resolve("README.md"))).contains("docs/kubernetes.md");
	}

	private static void checkProbe(Probe probe, String path) {
		assertThat(probe).as(path).isNotNull();
		assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
		assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
	}

	private static List<Path> overlays() {
		return KubernetesManifests.applied().stream().filter((path) -> path.getParent().endsWith("overlays")).toList();
	}

	private static List<HasMetadata> typed(Path kustomization) {
		return KubernetesManifests.build(kustomization).stream().map(KubernetesManifests::read).toList();
	}

	private static <T extends HasMetadata> T find(Path kustomization, Class<T> type, String name) {
		return typed(kustomization).stream()
			.filter(type::isInstance)
			.map(type::cast)
			.filter((resource) -> resource.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(type.getSimpleName() + " " + name + " in " + kustomization));
	}

	private static Deployment deployment(Path kustomization, String name) {
		return find(kustomization, Deployment.class, name);
	}

	private static io.fabric8.kubernetes.api.model.Service service(Path kustomization, String name) {
		return find(kustomization, io.fabric8.kubernetes.api.model.Service.class, name);
	}

	private static ConfigMap configMap(Path kustomization, String name) {
		return find(kustomization, ConfigMap.class, name);
	}

	private static Container container(Deployment deployment, String name) {
		return deployment.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.stream()
			.filter((container) -> container.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("container " + name));
	}

	private static Volume volume(PodSpec pod, String name) {
		return pod.getVolumes().stream().filter((volume) -> volume.getName().equals(name)).findFirst().orElseThrow();
	}

	/**
	 * Return the name of the ConfigMap mounted at a path of a container.
	 */
	private static String configMapAt(Deployment deployment, Container container, String path) {
		VolumeMount mount = container.getVolumeMounts()
			.stream()
			.filter((candidate) -> candidate.getMountPath().equals(path))
			.findFirst()
			.orElseThrow(() -> new AssertionError("nothing mounted at " + path));
		return volume(deployment.getSpec().getTemplate().getSpec(), mount.getName()).getConfigMap().getName();
	}

	private static Map<String, String> environment(Container container) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (EnvVar variable : container.getEnv()) {
			environment.put(variable.getName(),
					(variable.getValue() != null) ? variable.getValue() : String.valueOf(variable.getValueFrom()));
		}
		return environment;
	}

	private static Object firstContainer(Map<String, Object> deployment) {
		return list(map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers")).getFirst();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> copy(Map<String, Object> resource) {
		return (Map<String, Object>) deepCopy(resource);
	}

	private static Object deepCopy(Object node) {
		if (node instanceof Map<?, ?> fields) {
			Map<String, Object> copy = new LinkedHashMap<>();
			fields.forEach((key, value) -> copy.put(String.valueOf(key), deepCopy(value)));
			return copy;
		}
		if (node instanceof List<?> items) {
			return new ArrayList<>(items.stream().map(KubernetesManifestsTests::deepCopy).toList());
		}
		return node;
	}

}
