package dev.iomodels.contract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.StorageLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the OpenAPI document that every service serves at {@code /api/v1/openapi.yaml}.
 * No YAML parser is on this module's classpath, so the checks are structural: the
 * document is OpenAPI 3.1, indented with spaces only, describes every path, and agrees
 * with the domain's problem types, key grammar and limits.
 */
class OpenApiDocumentTests {

	private static final String LOCATION = "openapi/storage-api-v1.yaml";

	private static String document;

	@BeforeAll
	static void load() throws IOException {
		try (InputStream in = OpenApiDocumentTests.class.getClassLoader().getResourceAsStream(LOCATION)) {
			assertThat(in).as(LOCATION + " on the classpath").isNotNull();
			document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void isOpenApi31() {
		assertThat(document).startsWith("openapi: 3.1.0\n");
		assertThat(document).contains("\ninfo:\n  title: I/O models storage API\n  version: \"1\"\n");
	}

	@Test
	void isIndentedWithSpacesOnly() {
		assertThat(document).doesNotContain("\t").doesNotContain("\r");
		for (String line : document.split("\n")) {
			int indent = line.length() - line.stripLeading().length();
			if (!line.isBlank()) {
				assertThat(indent % 2).as("indentation of '%s'", line).isZero();
			}
		}
	}

	@Test
	void namesTheThreeLocalServers() {
		assertThat(document).contains("  - url: http://localhost:8081\n    description: classic\n")
			.contains("  - url: http://localhost:8082\n    description: loom\n")
			.contains("  - url: http://localhost:8083\n    description: webflux\n");
	}

	@Test
	void describesEveryPathAndOperation() {
		assertThat(document).contains("\npaths:\n  /api/v1/objects/{key}:\n")
			.contains("\n  /api/v1/objects:\n")
			.contains("\n  /api/v1/info:\n")
			.contains("\n  /api/v1/openapi.yaml:\n");
		assertThat(section("  /api/v1/objects/{key}:\n", "\n  /api/v1/objects:\n")).contains("\n    get:\n")
			.contains("\n    head:\n")
			.contains("\n    put:\n")
			.contains("\n    delete:\n")
			.contains("'304':", "'400':", "'404':", "'405':", "'408':", "'412':", "'413':", "'507':")
			.contains("ETag:", "Last-Modified:", "Location:");
		assertThat(document).contains("\n    Allow:\n");
	}

	@Test
	void everyOperationListsTheAnswersOfTheRulesThatRunBeforeRouting() {
		// The path and query rules (400) and the overload bound (503) apply to every API
		// request, whatever its path; a fault of the service (500) can happen anywhere.
		OpenApiStatuses statuses = OpenApiStatuses.of(document);
		assertThat(statuses.paths()).containsExactly("/api/v1/objects/{key}", "/api/v1/objects", "/api/v1/info",
				"/api/v1/openapi.yaml");
		for (String path : statuses.paths()) {
			for (String method : List.of("get", "head", "put", "delete", "options")) {
				Set<Integer> documented = statuses.statuses(path, method);
				if (!documented.isEmpty()) {
					assertThat(documented).as("%s %s", method, path).contains(400, 503);
					if (!method.equals("options")) {
						assertThat(documented).as("%s %s", method, path).contains(500);
					}
				}
			}
		}
	}

	@Test
	void everyStorageOperationListsTheGuardsAndLimitsThatCanRefuseIt() {
		OpenApiStatuses statuses = OpenApiStatuses.of(document);
		String object = "/api/v1/objects/{key}";
		assertThat(statuses.statuses(object, "get")).contains(200, 304, 404, 412, 504);
		assertThat(statuses.statuses(object, "head")).contains(200, 304, 404, 412, 504);
		assertThat(statuses.statuses(object, "put")).contains(200, 201, 401, 406, 408, 412, 413, 504, 507);
		assertThat(statuses.statuses(object, "delete")).contains(204, 401, 404, 412, 504);
		assertThat(statuses.statuses(object, "options")).contains(200);
		assertThat(statuses.statuses("/api/v1/objects", "get")).contains(200, 406, 504);
		// Reads need no token, and only a PUT has a body that can arrive too late.
		assertThat(statuses.statuses(object, "get")).doesNotContain(401, 408);
		assertThat(statuses.statuses("/api/v1/objects", "get")).doesNotContain(401, 408);
	}

	@Test
	void everyProblemTypesStatusIsListedBySomeOperation() {
		OpenApiStatuses statuses = OpenApiStatuses.of(document);
		Set<Integer> listed = new TreeSet<>();
		for (String path : statuses.paths()) {
			for (String method : List.of("get", "head", "put", "delete", "options")) {
				listed.addAll(statuses.statuses(path, method));
			}
		}
		// 415 is only what a framework's own 415 maps to (ProblemType.forStatus); no
		// operation restricts the request's media type, so none can answer it.
		for (ProblemType type : ProblemType.values()) {
			if (type != ProblemType.UNSUPPORTED_MEDIA_TYPE) {
				assertThat(listed).as("status of %s", type.slug()).contains(type.status());
			}
		}
	}

	@Test
	void serviceInfoAllowsEveryBackendAndRequiresEveryFairnessSetting() {
		String info = section("\n    ServiceInfo:\n", "\n    Problem:\n");
		assertThat(info).contains("enum: [memory, postgres, remote]");
		assertThat(info).contains("required: [service, model, transport, java, jvm, backend, backendSettings, "
				+ "emulatedLatency,\n        emulatedLatencyJitter, limits, server]");
		assertThat(info).contains("required: [maxHeapBytes, garbageCollectors, availableProcessors]");
		for (String setting : List.of("transport", "maxConnections", "acceptBacklog", "keepAliveTimeout",
				"maxKeepAliveRequests", "maxRequestHeaderSize", "connectionTimeout", "requestTimeout",
				"requestHeadTimeout", "responseWriteTimeout", "maxConcurrentRequests", "maxBufferedRequestBytes",
				"storageOperationTimeout", "writesNeedToken", "workers", "workerThreads")) {
			assertThat(info).as(setting).contains("\n            " + setting + ":\n");
		}
	}

	@Test
	void definesEverySchema() {
		for (String schema : new String[] { "ObjectMetadata", "ListingItem", "ObjectPage", "ServiceInfo", "Problem" }) {
			assertThat(document).contains("\n    " + schema + ":\n    ");
		}
	}

	@Test
	void listsEveryProblemTypeOfTheDomain() {
		String problemTypes = section("\n    Problem:\n", "        title:\n");
		for (ProblemType type : ProblemType.values()) {
			assertThat(problemTypes).contains("            - " + type.uri() + "\n");
		}
		assertThat(Pattern.compile("- urn:io-models:problem:").matcher(problemTypes).results().count())
			.isEqualTo(ProblemType.values().length);
	}

	@Test
	void usesTheDomainsKeyGrammarAndLimits() {
		assertThat(document).contains("pattern: '^[A-Za-z0-9][A-Za-z0-9._~-]{0,255}$'")
			.contains("maxLength: " + ObjectKey.MAX_LENGTH);
		assertThat(document).contains("minimum: 1\n        maximum: " + ListQuery.MAX_LIMIT + "\n        default: "
				+ ListQuery.DEFAULT_LIMIT + "\n");
		assertThat(document).contains("example: " + StorageLimits.DEFAULTS.maxObjectSize() + "\n");
		assertThat(ObjectKey.isValid("report-2024.csv")).isTrue();
		assertThat(document).contains("example: report-2024.csv\n");
	}

	private static String section(String start, String end) {
		int from = document.indexOf(start);
		assertThat(from).as("'%s' in the document", start.strip()).isNotNegative();
		int to = document.indexOf(end, from + start.length());
		assertThat(to).as("'%s' after '%s'", end.strip(), start.strip()).isGreaterThan(from);
		return document.substring(from, to);
	}

}
