package dev.iomodels.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.iomodels.remote.RemoteStorageProperties;
import dev.iomodels.service.ServerLimitsProperties;
import dev.iomodels.service.StorageProperties;
import dev.iomodels.service.TransportProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/configuration.md} is the reference of the settings: its Configuration table
 * lists every {@code storage.*} and {@code iomodels.server.*} property the services bind,
 * with the default the code has, and nothing else; its Fairness table names every server
 * setting; and no property the README or a page of {@code docs/} mentions is one the code
 * does not know. The properties are read from the settings records themselves, so a
 * setting added, renamed or given another default without the documentation fails here.
 * This test lives in postgres-storage because it is the one module that sees every
 * settings record: service-support's, its own and (as a test dependency)
 * remote-storage's.
 */
class ReadmeSettingsTests {

	private static final List<Class<? extends Record>> SETTINGS = List.of(StorageProperties.class,
			ServerLimitsProperties.class, TransportProperties.class, PostgresStorageProperties.class,
			RemoteStorageProperties.class);

	private static final Pattern ROW = Pattern.compile("^\\| `([a-z][a-z0-9.-]*)` \\| ([^|]*) \\|");

	private static final Pattern NAMED = Pattern.compile("(?:storage|iomodels\\.server)\\.[a-z][a-z0-9.-]*[a-z0-9]");

	/** Names of that form that are no property: the storage timer's Micrometer name. */
	private static final Set<String> NOT_PROPERTIES = Set.of("storage.operations");

	private static final Path CONFIGURATION = Path.of("..", "docs", "configuration.md");

	private final String configuration = read(CONFIGURATION);

	@Test
	void theConfigurationTableListsEveryPropertyWithTheDefaultOfTheCode() {
		Map<String, String> table = configurationTable();
		Map<String, String> properties = properties();
		assertThat(properties).as("properties of %s", SETTINGS).isNotEmpty();
		for (Map.Entry<String, String> property : properties.entrySet()) {
			String name = property.getKey();
			assertThat(table).as("the Configuration table lists %s", name).containsKey(name);
			String documented = table.get(name);
			if (property.getValue() != null) {
				assertThat(documented).as("the documented default of %s", name)
					.isEqualTo("`" + property.getValue() + "`");
			}
			else {
				// No default in the code: the table says so, or says who decides.
				assertThat(documented).as("the documented default of %s, which has none in the code", name)
					.doesNotMatch("`[^`]*`");
			}
		}
	}

	@Test
	void theConfigurationTableListsNoPropertyTheCodeDoesNotHave() {
		Set<String> ours = new TreeSet<>(configurationTable().keySet());
		ours.removeIf((name) -> !name.startsWith("storage.") && !name.startsWith("iomodels.server."));
		assertThat(properties().keySet()).containsAll(ours);
	}

	@Test
	void theFairnessTableNamesEveryServerSetting() {
		String fairness = section("## Fairness");
		for (String name : properties().keySet()) {
			if (name.startsWith("iomodels.server.")) {
				assertThat(fairness).as("the Fairness table names %s", name).contains("`" + name + "`");
			}
		}
	}

	@Test
	void everyPropertyTheDocumentationNamesExists() {
		Set<String> unknown = new TreeSet<>();
		List<Path> documents = documents();
		assertThat(documents).contains(Path.of("..", "README.md"), CONFIGURATION);
		for (Path document : documents) {
			String text = read(document);
			Matcher matcher = NAMED.matcher(text);
			while (matcher.find()) {
				String name = matcher.group();
				boolean wildcard = text.startsWith(".*", matcher.end());
				if (!wildcard && !properties().containsKey(name) && !NOT_PROPERTIES.contains(name)) {
					unknown.add(name + " (" + document.getFileName() + ")");
				}
			}
		}
		assertThat(unknown).as("properties the README or docs/ name that no settings record binds").isEmpty();
	}

	/**
	 * Return the rows of the Configuration table.
	 * @return each property's default cell, as written
	 */
	private Map<String, String> configurationTable() {
		Map<String, String> rows = new LinkedHashMap<>();
		for (String line : section("## Configuration").split("\n")) {
			Matcher row = ROW.matcher(line);
			if (row.find()) {
				rows.put(row.group(1), row.group(2).strip());
			}
		}
		return rows;
	}

	private String section(String heading) {
		int start = this.configuration.indexOf("\n" + heading + "\n");
		assertThat(start).as("the section %s of %s", heading, CONFIGURATION).isNotNegative();
		int end = this.configuration.indexOf("\n## ", start + heading.length() + 1);
		return this.configuration.substring(start, (end < 0) ? this.configuration.length() : end);
	}

	/**
	 * Return the README and the pages of {@code docs/}.
	 * @return the Markdown files
	 */
	private static List<Path> documents() {
		List<Path> documents = new ArrayList<>();
		documents.add(Path.of("..", "README.md"));
		try (Stream<Path> pages = Files.list(Path.of("..", "docs"))) {
			pages.filter((page) -> page.toString().endsWith(".md")).sorted().forEach(documents::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

	/**
	 * Return every property the settings records bind.
	 * @return each property's default as the code has it, {@code null} for none
	 */
	private static Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		for (Class<? extends Record> settings : SETTINGS) {
			ConfigurationProperties annotation = settings.getAnnotation(ConfigurationProperties.class);
			String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
			collect(settings, prefix, properties);
		}
		return properties;
	}

	private static void collect(Class<?> settings, String prefix, Map<String, String> properties) {
		RecordComponent[] components = settings.getRecordComponents();
		Parameter[] parameters = canonicalConstructor(settings, components).getParameters();
		for (int i = 0; i < components.length; i++) {
			String name = prefix + "." + kebab(components[i].getName());
			DefaultValue defaultValue = parameters[i].getAnnotation(DefaultValue.class);
			if (components[i].getType().isRecord()) {
				collect(components[i].getType(), name, properties);
			}
			else {
				properties.put(name, (defaultValue != null) ? String.join(",", defaultValue.value()) : null);
			}
		}
	}

	private static Constructor<?> canonicalConstructor(Class<?> settings, RecordComponent[] components) {
		try {
			return settings
				.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String kebab(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The documentation is read from the module's parent folder: " + file, ex);
		}
	}

}
