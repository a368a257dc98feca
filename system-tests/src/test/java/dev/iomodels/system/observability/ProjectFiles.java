package dev.iomodels.system.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The files of the checkout that the observability stack is made of, found from the
 * {@code project.root} system property that the build sets.
 */
final class ProjectFiles {

	private ProjectFiles() {
	}

	static Path root() {
		return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
	}

	static String version() {
		return System.getProperty("project.version", "0.1.0-SNAPSHOT");
	}

	/**
	 * Return the modules of the reactor, as the root pom lists them.
	 * @return the module directories, in order
	 */
	static List<String> modules() {
		try {
			List<String> modules = new java.util.ArrayList<>();
			java.util.regex.Matcher module = java.util.regex.Pattern.compile("<module>([^<]+)</module>")
				.matcher(Files.readString(root().resolve("pom.xml")));
			while (module.find()) {
				modules.add(module.group(1));
			}
			return modules;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the pages of {@code docs/}.
	 * @return the Markdown files, none if there is no such directory
	 */
	static List<Path> docs() {
		Path docs = root().resolve("docs");
		if (!Files.isDirectory(docs)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(docs)) {
			return files.filter((file) -> file.toString().endsWith(".md")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path composeFile() {
		return root().resolve("docker-compose.yml");
	}

	static Path postgresComposeFile() {
		return root().resolve("docker-compose.postgres.yml");
	}

	static Path remoteComposeFile() {
		return root().resolve("docker-compose.remote.yml");
	}

	static Path prometheusConfig() {
		return root().resolve("prometheus/prometheus.yml");
	}

	/**
	 * The scrape configuration of the stack on the remote backend: the services' jobs and
	 * the storage node's.
	 */
	static Path remotePrometheusConfig() {
		return root().resolve("prometheus/prometheus.remote.yml");
	}

	static Path grafanaDatasources() {
		return root().resolve("grafana/provisioning/datasources");
	}

	static Path grafanaDashboardProviders() {
		return root().resolve("grafana/provisioning/dashboards");
	}

	static Path dashboards() {
		return root().resolve("grafana/dashboards");
	}

	static List<Path> dashboardFiles() {
		try (Stream<Path> files = Files.list(dashboards())) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Path> yamlFiles(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Parse a YAML file with the safe constructor (plain maps, lists and scalars; merge
	 * keys resolved, as compose resolves them).
	 * @param file the file
	 * @return its top-level mapping
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> yaml(Path file) {
		try {
			return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions()))
				.load(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value) {
		return (List<Object>) value;
	}

}
