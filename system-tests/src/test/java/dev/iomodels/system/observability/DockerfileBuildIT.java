package dev.iomodels.system.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import dev.iomodels.system.observability.Dockerfile.Instruction;
import dev.iomodels.system.observability.Dockerfile.Stage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Dockerfile's build, run natively without Docker: a directory stands for the
 * image's filesystem, each {@code COPY} from the build context copies the repository's
 * files there (what {@code .dockerignore} leaves out left out), each {@code RUN} runs
 * with bash in its {@code WORKDIR}, with the cache mount of {@code /root/.m2} standing
 * for this build's Maven repository; then every file a later stage copies from that stage
 * must exist. For the services that is the executable jar, which must be a Spring Boot
 * jar.
 */
class DockerfileBuildIT {

	private static final long RUN_TIMEOUT_MINUTES = 10;

	private static final TypeReference<List<String>> LIST = new TypeReference<>() {
	};

	@TempDir
	static Path images;

	static List<Path> dockerfiles() {
		return DockerfilesTests.dockerfiles();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dockerfiles")
	void theBuildStageMakesEveryFileTheImageCopiesFromIt(Path file) throws Exception {
		Dockerfile dockerfile = Dockerfile.read(file);
		Path filesystem = images.resolve(ProjectFiles.root().relativize(file).getParent().toString());
		Stage built = buildStage(dockerfile);
		build(built, filesystem, filesystem.resolveSibling(filesystem.getFileName() + ".log"));
		List<Instruction> fromBuild = dockerfile.stages()
			.stream()
			.flatMap((stage) -> stage.all("COPY").stream())
			.filter((copy) -> copy.flag("from").isPresent())
			.toList();
		for (Instruction copy : fromBuild) {
			List<String> words = copy.words();
			for (String source : words.subList(0, words.size() - 1)) {
				Path made = inImage(filesystem, "/", source);
				assertThat(made).as("%s: %s after the build stage", file, source).isRegularFile();
				try (JarFile jar = new JarFile(made.toFile())) {
					assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
						.startsWith("org.springframework.boot.loader.");
				}
			}
		}
		if (fromBuild.isEmpty()) {
			// gatling's single stage: the simulation its CMD runs is compiled.
			String cmd = dockerfile.finalStage().all("CMD").getLast().arguments();
			String simulation = cmd.replaceAll("(?s).*-Dgatling\\.simulationClass=([\\w.]+).*", "$1");
			Path workdir = inImage(filesystem, "/", built.workdirBefore(built.instructions().getLast()));
			assertThat(workdir.resolve("gatling/target/classes/" + simulation.replace('.', '/') + ".class"))
				.isRegularFile();
			runsTheLoadAsDocumented(dockerfile, workdir, filesystem.resolveSibling(filesystem.getFileName() + ".log"));
		}
	}

	/**
	 * Run the image's ENTRYPOINT with its CMD, as
	 * {@code docker compose --profile load run
	 * --rm gatling} does, for two seconds against classic started from its jar: the CMD's
	 * compose address replaced by the jar's, since no compose network resolves it here.
	 */
	private static void runsTheLoadAsDocumented(Dockerfile dockerfile, Path workdir, Path log) throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		List<String> command = new ArrayList<>(
				json.readValue(dockerfile.finalStage().all("ENTRYPOINT").getLast().arguments(), LIST));
		List<String> arguments = json.readValue(dockerfile.finalStage().all("CMD").getLast().arguments(), LIST);
		Path jar = Service.CLASSIC.jar(ProjectFiles.root(), ProjectFiles.version());
		try (ServiceProcess classic = ServiceProcess.start(Service.CLASSIC, jar, Map.of(),
				log.resolveSibling("services"))) {
			for (String argument : arguments) {
				command.add(argument.replace("http://" + Service.CLASSIC.name() + ":" + Service.CLASSIC.port(),
						classic.api().toString().replaceAll("/+$", "")));
			}
			command.addAll(List.of("-Dusers=2", "-Dduration=2s"));
			assertThat(String.join(" ", command))
				.contains("-DbaseUrl=" + classic.api().toString().replaceAll("/+$", ""));
			run(new Instruction("RUN", List.of(), String.join(" ", command)), workdir, log);
		}
		try (Stream<Path> reports = Files.list(workdir.resolve("gatling/target/gatling"))) {
			assertThat(reports.filter((report) -> Files.isRegularFile(report.resolve("index.html")))).isNotEmpty();
		}
	}

	/**
	 * The stage the image copies its files from, or the only one.
	 */
	private static Stage buildStage(Dockerfile dockerfile) {
		return dockerfile.stages()
			.stream()
			.flatMap((stage) -> stage.all("COPY").stream())
			.flatMap((copy) -> copy.flag("from").stream())
			.findFirst()
			.map(dockerfile::stage)
			.orElse(dockerfile.finalStage());
	}

	private static void build(Stage stage, Path filesystem, Path log) throws Exception {
		DockerIgnore ignore = DockerIgnore.of(ProjectFiles.root());
		for (Instruction instruction : stage.instructions()) {
			String workdir = stage.workdirBefore(instruction);
			switch (instruction.keyword()) {
				case "WORKDIR" -> Files.createDirectories(inImage(filesystem, workdir, instruction.arguments()));
				case "COPY" -> {
					assertThat(instruction.flag("from")).as("a build stage copies from the context").isEmpty();
					List<String> words = instruction.words();
					Path destination = inImage(filesystem, workdir, words.getLast());
					for (String source : words.subList(0, words.size() - 1)) {
						copy(ProjectFiles.root(), ProjectFiles.root().resolve(source).normalize(), destination,
								words.getLast().endsWith("/") || words.getLast().equals(".") || words.size() > 2,
								ignore);
					}
				}
				case "RUN" -> run(instruction, inImage(filesystem, "/", workdir), log);
				default -> {
					// ENV, ARG, LABEL and the like change nothing a build stage here
					// needs.
				}
			}
		}
	}

	private static void run(Instruction instruction, Path directory, Path log) throws Exception {
		List<String> caches = instruction.flags()
			.stream()
			.filter((flag) -> flag.startsWith("--mount="))
			.filter((flag) -> flag.contains("type=cache"))
			.toList();
		caches.forEach((cache) -> assertThat(cache).as("the only cache is Maven's").contains("target=/root/.m2"));
		ProcessBuilder builder = new ProcessBuilder("bash", "-c", instruction.arguments()).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		Map<String, String> environment = builder.environment();
		// The image's JDK: the one running this test. The image's /root/.m2 (a cache, or
		// for gatling a layer): this build's repository, so that nothing is downloaded
		// twice.
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		environment.put("PATH", System.getProperty("java.home") + "/bin:" + environment.getOrDefault("PATH", ""));
		String repository = System.getProperty("maven.repo.local");
		environment.put("MAVEN_ARGS", (repository != null) ? "-Dmaven.repo.local=" + repository : "");
		Files.writeString(log, "$ " + instruction.arguments() + "\n", java.nio.file.StandardOpenOption.CREATE,
				java.nio.file.StandardOpenOption.APPEND);
		Process process = builder.start();
		boolean finished = process.waitFor(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly().waitFor();
		}
		assertThat(finished && process.exitValue() == 0)
			.as("RUN %s (output in %s):%n%s", instruction.arguments(), log, tail(log))
			.isTrue();
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	/**
	 * Copy as Docker does: a directory's contents into the destination, a file into it if
	 * it is a directory (ends with a slash, or several sources) or as it otherwise.
	 */
	private static void copy(Path context, Path source, Path destination, boolean intoDirectory, DockerIgnore ignore)
			throws IOException {
		if (Files.isDirectory(source)) {
			List<Path> files;
			try (Stream<Path> walk = Files.walk(source)) {
				files = walk.filter(Files::isRegularFile)
					.filter((path) -> !ignore.ignores(context.relativize(path)))
					.sorted(Comparator.naturalOrder())
					.toList();
			}
			for (Path path : files) {
				Path target = destination.resolve(source.relativize(path).toString());
				Files.createDirectories(target.getParent());
				Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
			}
			return;
		}
		Path target = intoDirectory ? destination.resolve(source.getFileName().toString()) : destination;
		Files.createDirectories(target.getParent());
		Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
	}

	/**
	 * Map a path in the image to the directory standing for its filesystem.
	 */
	private static Path inImage(Path filesystem, String workdir, String path) {
		String absolute = path.startsWith("/") ? path : workdir.replaceFirst("/?$", "/") + path;
		List<String> parts = new ArrayList<>(List.of(absolute.split("/+")));
		parts.removeIf(String::isEmpty);
		Path mapped = filesystem;
		for (String part : parts) {
			mapped = part.equals(".") ? mapped : mapped.resolve(part);
		}
		return mapped.normalize();
	}

}
