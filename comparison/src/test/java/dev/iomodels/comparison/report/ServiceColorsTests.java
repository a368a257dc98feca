package dev.iomodels.comparison.report;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceColorsTests {

	/** A Grafana override that matches one service's series: {@code ^classic(...)}. */
	private static final Pattern SERVICE_MATCHER = Pattern.compile("\\^(classic|loom|webflux)\\b.*");

	@Test
	void eachServiceHasTheColourTheGrafanaDashboardGivesIt() {
		Path dashboard = Path.of(System.getProperty("project.root", ".."), "grafana", "dashboards",
				"io-models-side-by-side.json");
		Map<String, Set<String>> grafana = new TreeMap<>();
		collectColours(JsonMapper.builder().build().readTree(dashboard.toFile()), grafana);

		assertThat(grafana).as("colours per service on %s", dashboard).containsOnlyKeys("classic", "loom", "webflux");
		grafana
			.forEach((service, colours) -> assertThat(colours).as(service).containsExactly(ServiceColors.of(service)));
	}

	@Test
	void anotherTransportIsAShadeOfTheServicesColourAndTheDefaultIsTheColourItself() {
		assertThat(ServiceColors.of("webflux/epoll")).isEqualTo(ServiceColors.of("webflux"));
		assertThat(ServiceColors.of("classic/nio")).isEqualTo(ServiceColors.of("classic"));
		assertThat(ServiceColors.of("webflux/io_uring")).isNotEqualTo(ServiceColors.of("webflux"));
		assertThat(ServiceColors.of("loom/nio2")).isNotEqualTo(ServiceColors.of("loom"));
	}

	private static void collectColours(JsonNode node, Map<String, Set<String>> colours) {
		JsonNode options = node.path("matcher").path("options");
		if (options.isString()) {
			Matcher service = SERVICE_MATCHER.matcher(options.asString());
			if (service.matches()) {
				for (JsonNode property : node.path("properties")) {
					JsonNode colour = property.path("value").path("fixedColor");
					if (property.path("id").asString("").equals("color") && colour.isString()) {
						colours.computeIfAbsent(service.group(1), (key) -> new TreeSet<>()).add(colour.asString());
					}
				}
			}
		}
		for (JsonNode child : node) {
			collectColours(child, colours);
		}
	}

}
