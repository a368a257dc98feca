package dev.iomodels.contract;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.iomodels.storage.ListQuery;
import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.StorageLimits;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.servers.Server;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Checks the OpenAPI document that every service serves at {@code /api/v1/openapi.yaml}
 * (shared-domain's {@code openapi/storage-api-v1.yaml}), read by swagger-parser: it is a
 * valid OpenAPI 3.1 document, describes every path, and agrees with the domain's problem
 * types, key grammar and limits.
 */
class OpenApiDocumentTests {

	private static final String LOCATION = "openapi/storage-api-v1.yaml";

	private static final String OBJECT = "/api/v1/objects/{key}";

	private static OpenApiDocument document;

	private static OpenAPI model;

	@BeforeAll
	static void read() throws IOException {
		try (InputStream in = OpenApiDocumentTests.class.getClassLoader().getResourceAsStream(LOCATION)) {
			assertThat(in).as(LOCATION + " on the classpath").isNotNull();
			document = OpenApiDocument.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			model = document.model();
		}
	}

	@Test
	void isOpenApi31() {
		assertThat(model.getOpenapi()).isEqualTo("3.1.0");
		assertThat(model.getInfo().getTitle()).isEqualTo("I/O models storage API");
		assertThat(model.getInfo().getVersion()).isEqualTo("1");
	}

	@Test
	void namesTheThreeLocalServers() {
		assertThat(model.getServers()).extracting(Server::getUrl, Server::getDescription)
			.containsExactly(tuple("http://localhost:8081", "classic"), tuple("http://localhost:8082", "loom"),
					tuple("http://localhost:8083", "webflux"));
	}

	@Test
	void describesEveryPathAndOperation() {
		assertThat(model.getPaths()).containsOnlyKeys(OBJECT, "/api/v1/objects", "/api/v1/info",
				"/api/v1/openapi.yaml");
		PathItem object = document.path(OBJECT);
		assertThat(object.getGet()).isNotNull();
		assertThat(object.getHead()).isNotNull();
		assertThat(object.getPut()).isNotNull();
		assertThat(object.getDelete()).isNotNull();
		Set<Integer> statuses = new TreeSet<>();
		for (String method : List.of("get", "head", "put", "delete")) {
			statuses.addAll(document.statuses(OBJECT, method));
		}
		assertThat(statuses).contains(304, 400, 404, 405, 408, 412, 413, 507);
		assertThat(object.getGet().getResponses().get("200").getHeaders()).containsKeys("ETag", "Last-Modified");
		assertThat(object.getPut().getResponses().get("201").getHeaders()).containsKey("Location");
		assertThat(model.getComponents().getHeaders()).containsKey("Allow");
	}

	@Test
	void everyOperationListsTheAnswersOfTheRulesThatRunBeforeRouting() {
		// The path and query rules (400) and the overload bound (503) apply to every API
		// request, whatever its path; a fault of the service (500) can happen anywhere.
		assertThat(document.paths()).containsExactly(OBJECT, "/api/v1/objects", "/api/v1/info", "/api/v1/openapi.yaml");
		for (String path : document.paths()) {
			for (Map.Entry<PathItem.HttpMethod, Operation> operation : document.path(path)
				.readOperationsMap()
				.entrySet()) {
				String method = operation.getKey().name().toLowerCase(Locale.ROOT);
				Set<Integer> documented = document.statuses(path, method);
				assertThat(documented).as("%s %s", method, path).contains(400, 503);
				if (!method.equals("options")) {
					assertThat(documented).as("%s %s", method, path).contains(500);
				}
			}
		}
	}

	@Test
	void everyStorageOperationListsTheGuardsAndLimitsThatCanRefuseIt() {
		assertThat(document.statuses(OBJECT, "get")).contains(200, 304, 404, 412, 504);
		assertThat(document.statuses(OBJECT, "head")).contains(200, 304, 404, 412, 504);
		assertThat(document.statuses(OBJECT, "put")).contains(200, 201, 401, 406, 408, 412, 413, 504, 507);
		assertThat(document.statuses(OBJECT, "delete")).contains(204, 401, 404, 412, 504);
		assertThat(document.statuses(OBJECT, "options")).contains(200);
		assertThat(document.statuses("/api/v1/objects", "get")).contains(200, 406, 504);
		// Reads need no token, and only a PUT has a body that can arrive too late.
		assertThat(document.statuses(OBJECT, "get")).doesNotContain(401, 408);
		assertThat(document.statuses("/api/v1/objects", "get")).doesNotContain(401, 408);
	}

	@Test
	void everyProblemTypesStatusIsListedBySomeOperation() {
		Set<Integer> listed = new TreeSet<>();
		for (String path : document.paths()) {
			for (String method : List.of("get", "head", "put", "delete", "options")) {
				listed.addAll(document.statuses(path, method));
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
		Schema<?> info = schema("ServiceInfo");
		assertThat(property(info, "backend").getEnum()).map(String::valueOf)
			.containsExactly("memory", "postgres", "remote");
		assertThat(info.getRequired()).containsExactlyInAnyOrder("service", "model", "transport", "java", "jvm",
				"backend", "backendSettings", "emulatedLatency", "emulatedLatencyJitter", "limits", "server");
		assertThat(property(info, "jvm").getRequired()).containsExactlyInAnyOrder("maxHeapBytes", "garbageCollectors",
				"availableProcessors");
		assertThat(property(info, "server").getProperties()).containsOnlyKeys("transport", "maxConnections",
				"acceptBacklog", "keepAliveTimeout", "maxKeepAliveRequests", "maxRequestHeaderSize",
				"connectionTimeout", "requestTimeout", "requestHeadTimeout", "responseWriteTimeout",
				"maxConcurrentRequests", "maxBufferedRequestBytes", "storageOperationTimeout", "writesNeedToken",
				"workers", "workerThreads");
	}

	@Test
	void definesEverySchema() {
		assertThat(model.getComponents().getSchemas()).containsKeys("ObjectMetadata", "ListingItem", "ObjectPage",
				"ServiceInfo", "Problem");
	}

	@Test
	void listsEveryProblemTypeOfTheDomain() {
		assertThat(property(schema("Problem"), "type").getEnum()).map(String::valueOf)
			.containsExactlyInAnyOrderElementsOf(
					Arrays.stream(ProblemType.values()).map((type) -> type.uri().toString()).toList());
	}

	@Test
	void usesTheDomainsKeyGrammarAndLimits() {
		Parameter key = model.getComponents().getParameters().get("Key");
		assertThat(key.getSchema().getPattern()).isEqualTo("^[A-Za-z0-9][A-Za-z0-9._~-]{0,255}$");
		assertThat(key.getSchema().getMaxLength()).isEqualTo(ObjectKey.MAX_LENGTH);
		assertThat(ObjectKey.isValid(String.valueOf(key.getExample()))).isTrue();
		assertThat(key.getExample()).hasToString("report-2024.csv");
		Schema<?> limit = model.getComponents().getParameters().get("Limit").getSchema();
		assertThat(limit.getMinimum()).isEqualByComparingTo(BigDecimal.ONE);
		assertThat(limit.getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(ListQuery.MAX_LIMIT));
		assertThat(limit.getDefault()).hasToString(String.valueOf(ListQuery.DEFAULT_LIMIT));
		Schema<?> maxObjectSize = property(property(schema("ServiceInfo"), "limits"), "maxObjectSize");
		assertThat(maxObjectSize.getExample()).hasToString(String.valueOf(StorageLimits.DEFAULTS.maxObjectSize()));
	}

	@Test
	void durationIsWhatJavaWritesForADurationEvenWithAFractionOrASign() {
		Pattern pattern = Pattern.compile(schema("Duration").getPattern());
		for (Duration duration : List.of(Duration.ZERO, Duration.ofMillis(600), Duration.ofSeconds(20),
				Duration.ofSeconds(-1), Duration.ofHours(1), Duration.ofDays(2).plusMillis(5))) {
			assertThat(duration.toString()).matches(pattern);
		}
		assertThat(List.of("P1D", "20s", "PT", "PT1.S", "")).noneMatch((text) -> pattern.matcher(text).matches());
		assertThat(property(property(schema("ServiceInfo"), "server"), "storageOperationTimeout").get$ref())
			.isEqualTo("#/components/schemas/Duration");
	}

	@Test
	void answerThatFollowsTheDocumentIsDescribed() {
		assertThat(document.mismatches(problem(404,
				"{\"type\": \"urn:io-models:problem:not-found\", "
						+ "\"title\": \"Not found\", \"status\": 404, \"detail\": \"No object under that key.\", "
						+ "\"instance\": \"/api/v1/objects/missing\"}")))
			.isEmpty();
		assertThat(document.mismatches(new OpenApiDocument.Answer("GET", "/api/v1/objects", 200,
				Map.of("content-type", List.of("application/json")),
				bytes("{\"items\": [{\"key\": \"a\", \"size\": 1, \"contentType\": \"text/plain\", " + "\"etag\": \""
						+ "\\\"" + "0".repeat(64) + "\\\"" + "\", "
						+ "\"modified\": \"2024-01-01T00:00:00Z\"}], \"nextCursor\": null}"))))
			.isEmpty();
	}

	@Test
	void problemBodyWithoutTheFieldsTheProblemSchemaRequiresIsAMismatch() {
		assertThat(document.mismatches(problem(404,
				"{\"type\": \"urn:io-models:problem:not-found\", \"title\": \"Not found\", \"status\": 404}")))
			.singleElement(InstanceOfAssertFactories.STRING)
			.startsWith("GET /api/v1/objects/missing answered 404: a body that does not match the schema of "
					+ "application/problem+json")
			.contains("detail", "instance");
	}

	@Test
	void problemOfATypeTheDocumentDoesNotListIsAMismatch() {
		assertThat(document.mismatches(problem(404,
				"{\"type\": \"urn:io-models:problem:gone\", "
						+ "\"title\": \"Gone\", \"status\": 404, \"detail\": \"x\", \"instance\": \"/x\"}")))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("does not match the schema", "type");
	}

	@Test
	void listingWithAFieldItsSchemaDoesNotAllowIsAMismatch() {
		assertThat(document.mismatches(new OpenApiDocument.Answer("GET", "/api/v1/objects", 200,
				Map.of("Content-Type", List.of("application/json")),
				bytes("{\"items\": [], \"nextCursor\": null, \"total\": 0}"))))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("does not match the schema of application/json", "total");
	}

	@Test
	void bodyThatIsNotJsonWhereTheDocumentDeclaresJsonIsAMismatch() {
		assertThat(document.mismatches(problem(404, "Not found"))).singleElement(InstanceOfAssertFactories.STRING)
			.contains("not the JSON the document declares (application/problem+json)");
	}

	@Test
	void contentTypeTheResponseDoesNotDeclareIsAMismatch() {
		assertThat(document.mismatches(new OpenApiDocument.Answer("GET", "/api/v1/objects/missing", 404,
				Map.of("Content-Type", List.of("text/html")), bytes("<p>Not found</p>"))))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("Content-Type text/html, where the document declares [application/problem+json]");
	}

	@Test
	void bodyWhereTheResponseDeclaresNoneIsAMismatch() {
		assertThat(document.mismatches(new OpenApiDocument.Answer("DELETE", "/api/v1/objects/gone", 204,
				Map.of("Content-Type", List.of("text/plain")), bytes("deleted"))))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("a body of 7 bytes, where the document declares none");
	}

	@Test
	void missingHeaderThatTheDocumentRequiresIsAMismatch() {
		assertThat(
				document.mismatches(new OpenApiDocument.Answer("HEAD", "/api/v1/objects/read", 200,
						Map.of("Content-Length", List.of("3"), "Last-Modified",
								List.of("Tue, 15 Nov 1994 08:12:31 GMT")),
						new byte[0])))
			.containsExactly("HEAD /api/v1/objects/read answered 200: no ETag header, which the document requires");
	}

	@Test
	void headerThatDoesNotMatchItsSchemaIsAMismatch() {
		assertThat(document.mismatches(new OpenApiDocument.Answer("HEAD", "/api/v1/objects/read", 200,
				Map.of("ETag", List.of("W/\"abc\""), "Content-Length", List.of("three"), "Last-Modified",
						List.of("Tue, 15 Nov 1994 08:12:31 GMT")),
				new byte[0])))
			.hasSize(2)
			.anySatisfy((mismatch) -> assertThat(mismatch).contains("ETag: W/\"abc\" does not match its schema"))
			.anySatisfy((mismatch) -> assertThat(mismatch).contains("Content-Length: three does not match its schema"));
	}

	@Test
	void statusTheOperationDoesNotListIsAMismatch() {
		assertThat(document.mismatches(problem(409, "{}"))).containsExactly(
				"GET /api/v1/objects/missing answered 409, but the document lists only [200, 304, 400, 404, 405, 412, "
						+ "500, 503, 504] for GET /api/v1/objects/{key}");
	}

	private static OpenApiDocument.Answer problem(int status, String body) {
		return new OpenApiDocument.Answer("GET", "/api/v1/objects/missing", status,
				Map.of("Content-Type", List.of("application/problem+json")), bytes(body));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static Schema<?> schema(String name) {
		Schema<?> schema = model.getComponents().getSchemas().get(name);
		assertThat(schema).as("schema %s", name).isNotNull();
		return schema;
	}

	private static Schema<?> property(Schema<?> schema, String name) {
		Schema<?> property = schema.getProperties().get(name);
		assertThat(property).as("property %s", name).isNotNull();
		return property;
	}

}
