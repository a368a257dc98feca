package dev.iomodels.system.observability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.iomodels.harness.Service;
import dev.iomodels.system.observability.Dockerfile.Instruction;
import dev.iomodels.system.observability.Dockerfile.Stage;
import org.junit.jupiter.api.Test;

import static dev.iomodels.system.observability.ProjectFiles.list;
import static dev.iomodels.system.observability.ProjectFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be proven about {@code docker compose up} from a fresh clone without Docker:
 * each service's image builds its own jar with the Maven wrapper in a build stage (the
 * dependencies fetched in a layer of their own, the repository in a build cache), every
 * file a {@code COPY} names is in the build context or is what the build stage's command
 * makes, every image is pinned to a version, and every {@code docker compose} command the
 * documentation gives names files, profiles, services and simulations that exist.
 * {@code DockerfileBuildIT} runs the build stages' commands natively.
 */
class DockerfilesTests {

	/** The image's user, fixed so that Kubernetes can check runAsNonRoot. */
	static final int APP_UID = 10001;

	private static final Pattern PINNED = Pattern
		.compile("[a-z0-9./_-]+:v?\\d+\\.\\d+(\\.\\d+)?([_.-][A-Za-z0-9._-]+)?");

	private static final Pattern COMPOSE_COMMAND = Pattern.compile("docker compose ([^`\\n#]*)");

	private final Map<String, Object> compose = ProjectFiles.yaml(ProjectFiles.composeFile());

	@Test
	void eachServiceIsBuiltByTheDockerfileInItsModuleWithTheRepositoryAsContext() {
		for (Service service : Service.ALL) {
			Map<String, Object> build = map(service(service.name()).get("build"));
			assertThat(build).as("build of %s", service.name())
				.containsEntry("context", ".")
				.containsEntry("dockerfile", service.name() + "/Dockerfile");
			assertThat(service(service.name()).get("image"))
				.isEqualTo("io-models/" + service.name() + ":" + ProjectFiles.version());
		}
	}

	@Test
	void theBuildStageFetchesTheDependenciesFromThePomsAloneThenPackagesTheJar() {
		List<String> modules = ProjectFiles.modules();
		for (Service service : Service.ALL) {
			Dockerfile dockerfile = Dockerfile.read(dockerfile(service));
			Stage build = dockerfile.stage("build");
			assertThat(build.image()).startsWith("eclipse-temurin:").contains("-jdk");
			List<Instruction> runs = build.all("RUN");
			assertThat(runs).as("RUN of %s", dockerfile.file()).hasSize(2);
			Instruction dependencies = runs.get(0);
			Instruction packaging = runs.get(1);
			String selection = "-pl " + service.name() + " -am";
			assertThat(dependencies.arguments()).startsWith("./mvnw ")
				.contains(selection)
				.contains("dependency:go-offline");
			assertThat(packaging.arguments()).startsWith("./mvnw ")
				.contains(selection)
				.containsPattern(" package( |$)")
				.contains("-DskipTests");
			for (Instruction run : runs) {
				assertThat(run.flag("mount")).as("cache of %s in %s", run.arguments(), dockerfile.file())
					.hasValueSatisfying(
							(mount) -> assertThat(mount).contains("type=cache").contains("target=/root/.m2"));
			}
			// Before the dependencies: the wrapper and every pom of the reactor, nothing
			// else, so that a change of a source leaves that layer cached.
			List<String> copiedFirst = new ArrayList<>();
			List<String> copiedAfter = new ArrayList<>();
			boolean fetched = false;
			for (Instruction instruction : build.instructions()) {
				if (instruction == dependencies) {
					fetched = true;
				}
				if (instruction.keyword().equals("COPY")) {
					List<String> words = instruction.words();
					(fetched ? copiedAfter : copiedFirst).addAll(words.subList(0, words.size() - 1));
				}
			}
			List<String> poms = new ArrayList<>(List.of("mvnw", "pom.xml", ".mvn"));
			modules.forEach((module) -> poms.add(module + "/pom.xml"));
			assertThat(copiedFirst).as("copied before the dependencies in %s", dockerfile.file())
				.containsExactlyInAnyOrderElementsOf(poms);
			assertThat(copiedAfter).as("copied before the package in %s", dockerfile.file()).containsExactly(".");
		}
	}

	@Test
	void theImageRunsTheJarTheBuildStageMadeAsTheNonRootUser() throws Exception {
		for (Service service : Service.ALL) {
			Dockerfile dockerfile = Dockerfile.read(dockerfile(service));
			Stage run = dockerfile.finalStage();
			assertThat(run.image()).startsWith("eclipse-temurin:").contains("-jre");
			assertThat(run.image().replace("-jre", ""))
				.isEqualTo(dockerfile.stage("build").image().replace("-jdk", ""));
			List<Instruction> copies = run.all("COPY");
			assertThat(copies).hasSize(1);
			Instruction jar = copies.get(0);
			assertThat(jar.flag("from")).hasValue("build");
			assertThat(jar.flag("chown")).hasValue("app:app");
			assertThat(jar.words()).containsExactly(
					"/build/" + service.name() + "/target/" + service.name() + "-" + ProjectFiles.version() + ".jar",
					"app.jar");
			String text = Files.readString(dockerfile.file());
			assertThat(text).containsPattern("--uid " + APP_UID + " ")
				.containsPattern("(?m)^USER app$")
				.doesNotContainPattern("(?m)^USER (root|0)\\b")
				.containsPattern("(?m)^EXPOSE " + service.port() + " " + service.managementPort() + "$")
				.contains("HEALTHCHECK")
				.contains("/dev/tcp/127.0.0.1/" + service.managementPort())
				.contains("/actuator/health/readiness")
				.contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]");
		}
	}

	@Test
	void everyFileACopyNamesIsInTheBuildContextOrMadeByTheStageItComesFrom() {
		for (Path file : dockerfiles()) {
			Dockerfile dockerfile = Dockerfile.read(file);
			Path context = ProjectFiles.root();
			DockerIgnore ignore = DockerIgnore.of(context);
			for (Stage stage : dockerfile.stages()) {
				for (Instruction copy : stage.all("COPY")) {
					List<String> words = copy.words();
					for (String source : words.subList(0, words.size() - 1)) {
						if (copy.flag("from").isPresent()) {
							Stage from = dockerfile.stage(copy.flag("from").get());
							String workdir = from.workdirBefore(from.instructions().getLast()) + "/";
							assertThat(source).as("%s copies from the build stage's directory", file)
								.startsWith(workdir);
							// What `package` makes: a module's jar under its target.
							Matcher jar = Pattern.compile("([a-z-]+)/target/([a-z-]+)-(.+)\\.jar")
								.matcher(source.substring(workdir.length()));
							assertThat(jar.matches()).as("%s: %s is a module's jar", file, source).isTrue();
							assertThat(ProjectFiles.modules()).contains(jar.group(1));
							assertThat(jar.group(2)).isEqualTo(jar.group(1));
							assertThat(jar.group(3)).isEqualTo(ProjectFiles.version());
							assertThat(from.all("RUN").getLast().arguments()).contains("-pl " + jar.group(1))
								.containsPattern(" package( |$)");
						}
						else {
							Path path = context.resolve(source).normalize();
							assertThat(path).as("%s copies %s", file, source).exists();
							if (!source.equals(".")) {
								assertThat(ignore.ignores(context.relativize(path)))
									.as("%s copies %s, which .dockerignore leaves out", file, source)
									.isFalse();
							}
						}
					}
				}
			}
		}
	}

	@Test
	void theBuildContextLeavesOutBuildOutputResultsAndGit() {
		DockerIgnore ignore = DockerIgnore.of(ProjectFiles.root());
		assertThat(ignore.ignores(Path.of("classic-service/target/classic-service-0.1.0-SNAPSHOT.jar"))).isTrue();
		assertThat(ignore.ignores(Path.of("target"))).isTrue();
		assertThat(ignore.ignores(Path.of("results/20260101-000000/report.html"))).isTrue();
		assertThat(ignore.ignores(Path.of(".git/HEAD"))).isTrue();
		assertThat(ignore.ignores(Path.of(".env"))).as("a local .env with a password").isTrue();
		assertThat(ignore.ignores(Path.of("classic-service/src/main/resources/application.properties"))).isFalse();
		assertThat(ignore.ignores(Path.of(".mvn/wrapper/maven-wrapper.properties"))).isFalse();
	}

	@Test
	void everyImageIsPinnedToAVersion() {
		List<String> images = new ArrayList<>();
		for (Path file : dockerfiles()) {
			Dockerfile dockerfile = Dockerfile.read(file);
			List<String> stageNames = dockerfile.stages().stream().flatMap((stage) -> stage.name().stream()).toList();
			dockerfile.stages()
				.stream()
				.map(Stage::image)
				.filter((image) -> !stageNames.contains(image))
				.forEach(images::add);
		}
		for (Path file : List.of(ProjectFiles.composeFile(), ProjectFiles.postgresComposeFile())) {
			map(ProjectFiles.yaml(file).get("services")).values().forEach((definition) -> {
				Object image = map(definition).get("image");
				// An image compose builds is named after the project's version.
				if (image != null && map(definition).get("build") == null) {
					images.add(String.valueOf(image));
				}
			});
		}
		images.addAll(KubernetesManifests.externalImages());
		assertThat(images).isNotEmpty()
			.allSatisfy((image) -> assertThat(image).as("pinned image").matches(PINNED).doesNotContain(":latest"));
	}

	@Test
	void everyDocumentedComposeCommandNamesFilesProfilesServicesAndSimulationsThatExist() throws Exception {
		List<Path> documents = new ArrayList<>(List.of(ProjectFiles.root().resolve("README.md"),
				ProjectFiles.composeFile(), ProjectFiles.postgresComposeFile()));
		documents.addAll(dockerfiles());
		documents.addAll(ProjectFiles.docs());
		Map<String, String> commands = new LinkedHashMap<>();
		for (Path document : documents) {
			Matcher command = COMPOSE_COMMAND.matcher(Files.readString(document));
			while (command.find()) {
				commands.put(command.group(1).strip(), ProjectFiles.root().relativize(document).toString());
			}
		}
		assertThat(commands.keySet()).as("documented compose commands")
			.contains("up", "--profile load run --rm gatling");
		commands.forEach((command, document) -> checkComposeCommand(command, document));
	}

	private void checkComposeCommand(String command, String document) {
		List<String> words = new ArrayList<>(List.of(command.split("\\s+")));
		Map<String, Object> services = new LinkedHashMap<>();
		List<String> profiles = new ArrayList<>();
		boolean files = false;
		while (!words.isEmpty() && words.getFirst().startsWith("-")) {
			String option = words.removeFirst();
			String value = words.removeFirst();
			if (option.equals("-f")) {
				Path file = ProjectFiles.root().resolve(value);
				assertThat(file).as("%s in '%s' (%s)", value, command, document).isRegularFile();
				services.putAll(map(ProjectFiles.yaml(file).get("services")));
				files = true;
			}
			else {
				assertThat(option).as("option of '%s' (%s)", command, document).isEqualTo("--profile");
				profiles.add(value);
			}
		}
		if (!files) {
			services.putAll(map(this.compose.get("services")));
		}
		for (String profile : profiles) {
			assertThat(services.values()).as("a service in profile %s ('%s', %s)", profile, command, document)
				.anySatisfy((definition) -> assertThat(list(map(definition).get("profiles"))).contains(profile));
		}
		assertThat(words).as("'%s' (%s)", command, document).isNotEmpty();
		String subcommand = words.removeFirst();
		assertThat(subcommand).as("'%s' (%s)", command, document).isIn("up", "down", "build", "run", "logs", "ps");
		List<String> named = new ArrayList<>();
		for (String word : words) {
			if (word.startsWith("-D")) {
				Matcher simulation = Pattern.compile("-Dgatling\\.simulationClass=dev\\.iomodels\\.gatling\\.(\\w+)")
					.matcher(word);
				if (simulation.matches()) {
					assertThat(ProjectFiles.root()
						.resolve("gatling/src/main/java/dev/iomodels/gatling/" + simulation.group(1) + ".java"))
						.as("simulation of '%s' (%s)", command, document)
						.isRegularFile();
				}
			}
			else if (!word.startsWith("-") && !word.equals("|") && !word.startsWith("$")) {
				named.add(word);
			}
		}
		if (subcommand.equals("run")) {
			assertThat(named).as("the service '%s' runs (%s)", command, document).isNotEmpty();
			named = named.subList(0, 1);
		}
		// A service named on the command line runs whatever its profile.
		for (String service : named) {
			assertThat(services).as("service %s of '%s' (%s)", service, command, document).containsKey(service);
		}
	}

	private Map<String, Object> service(String name) {
		Map<String, Object> service = map(map(this.compose.get("services")).get(name));
		assertThat(service).as("compose service %s", name).isNotNull();
		return service;
	}

	static Path dockerfile(Service service) {
		return ProjectFiles.root().resolve(service.name()).resolve("Dockerfile");
	}

	static List<Path> dockerfiles() {
		List<Path> files = new ArrayList<>();
		Service.ALL.forEach((service) -> files.add(dockerfile(service)));
		files.add(ProjectFiles.root().resolve("gatling/Dockerfile"));
		return files;
	}

}
