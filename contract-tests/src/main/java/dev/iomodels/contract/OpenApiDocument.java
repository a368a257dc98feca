package dev.iomodels.contract;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The OpenAPI document a service serves, read by swagger-parser into its model, and what
 * it promises of each answer, so that the contract suites can check every answer a
 * service gives against the document the service serves: that its operation lists the
 * status, that the headers the response declares are there when required and match their
 * schemas, that its Content-Type is one the response declares, and that a JSON body
 * matches the response's schema. The schemas are applied by networknt's JSON Schema
 * validator in OpenAPI 3.1's dialect (JSON Schema 2020-12), with format assertions on.
 */
final class OpenApiDocument {

	/**
	 * The answers to a method a path does not have: 405, or the refusal of a rule that
	 * runs before routing (malformed path, missing token, overload).
	 */
	private static final Set<Integer> BEFORE_ROUTING = Set.of(400, 401, 405, 503);

	/**
	 * The documents read so far, by their text: every test checks its answers against
	 * one.
	 */
	private static final Map<String, OpenApiDocument> READ = new ConcurrentHashMap<>();

	/**
	 * Where the schema validator finds the document: a name of its own (the reserved
	 * {@code .invalid} domain, never fetched), whose {@code .yaml} tells it to read YAML.
	 */
	private static final String DOCUMENT_IRI = "https://storage-api.invalid/openapi.yaml";

	/** Checks that formats ({@code date-time}, {@code uri}, ...) hold, not only types. */
	private static final Consumer<ExecutionContext> FORMATS_ASSERTED = (context) -> context
		.executionConfig((config) -> config.formatAssertionsEnabled(true));

	private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OpenAPI model;

	private final SchemaRegistry schemaRegistry;

	/** The schemas applied so far, by their JSON pointer into the document. */
	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	private final Map<String, Map<String, Set<Integer>>> statuses = new LinkedHashMap<>();

	private final Map<Pattern, String> templates = new LinkedHashMap<>();

	private OpenApiDocument(OpenAPI model, String document) {
		this.model = model;
		this.schemaRegistry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
				(registry) -> registry.schemas(Map.of(DOCUMENT_IRI, document)));
		model.getPaths().forEach((path, item) -> {
			Map<String, Set<Integer>> operations = new LinkedHashMap<>();
			item.readOperationsMap()
				.forEach((method, operation) -> operations.put(method.name().toLowerCase(Locale.ROOT),
						statusesOf(operation)));
			this.statuses.put(path, operations);
			// A path variable may be empty here, so that the API's answer to an empty
			// key (400) is judged against the operation too.
			this.templates.put(Pattern.compile(path.replaceAll("\\{[^}/]+}", "[^/?]*").replace(".", "\\.")), path);
		});
	}

	private static Set<Integer> statusesOf(Operation operation) {
		Set<Integer> statuses = new TreeSet<>();
		operation.getResponses().keySet().forEach((status) -> statuses.add(Integer.parseInt(status)));
		return statuses;
	}

	/**
	 * Read a document.
	 * @param document the OpenAPI document as YAML
	 * @return the document
	 * @throws IllegalArgumentException if swagger-parser finds it invalid
	 */
	static OpenApiDocument of(String document) {
		return READ.computeIfAbsent(document, OpenApiDocument::read);
	}

	private static OpenApiDocument read(String document) {
		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
		List<String> messages = (result.getMessages() != null) ? result.getMessages() : List.of();
		if (result.getOpenAPI() == null || !messages.isEmpty()) {
			throw new IllegalArgumentException("Not a valid OpenAPI document: " + messages);
		}
		return new OpenApiDocument(result.getOpenAPI(), document);
	}

	/**
	 * Return the document as swagger-parser's model.
	 * @return the model
	 */
	OpenAPI model() {
		return this.model;
	}

	/**
	 * Return the documented paths.
	 * @return the path templates, e.g. {@code /api/v1/objects/{key}}
	 */
	Set<String> paths() {
		return this.statuses.keySet();
	}

	/**
	 * Return the statuses documented for an operation.
	 * @param pathTemplate a documented path template
	 * @param method the method, in any case
	 * @return the statuses, empty if the operation is not documented
	 */
	Set<Integer> statuses(String pathTemplate, String method) {
		return this.statuses.getOrDefault(pathTemplate, Map.of())
			.getOrDefault(method.toLowerCase(Locale.ROOT), Set.of());
	}

	/**
	 * Return the documented path template a request path falls under.
	 * @param rawPath the request's raw path, without query
	 * @return the template, or empty for a path the document does not describe
	 */
	Optional<String> templateOf(String rawPath) {
		for (Map.Entry<Pattern, String> template : this.templates.entrySet()) {
			if (template.getKey().matcher(rawPath).matches()) {
				return Optional.of(template.getValue());
			}
		}
		return Optional.empty();
	}

	/**
	 * Return the path item of a documented path.
	 * @param pathTemplate the path template
	 * @return the path item
	 */
	PathItem path(String pathTemplate) {
		return this.model.getPaths().get(pathTemplate);
	}

	/**
	 * Return what is wrong with an answer according to the document: a status the
	 * operation does not list, or a method the path does not have answered with anything
	 * but 405 (which the path's description promises). Paths the document does not
	 * describe are not judged; the API answers them 404.
	 * @param method the request's method
	 * @param rawPath the request's raw path, without query
	 * @param status the status the service answered
	 * @return a description of the mismatch, or empty if the document covers the answer
	 */
	Optional<String> mismatch(String method, String rawPath, int status) {
		Optional<String> template = templateOf(rawPath);
		if (template.isEmpty()) {
			return Optional.empty();
		}
		Set<Integer> documented = statuses(template.get(), method);
		if (documented.isEmpty()) {
			// A method the path does not have: 405, unless a rule that runs before
			// routing refused the request first (the path rule, the token, the bound).
			return BEFORE_ROUTING.contains(status) ? Optional.empty()
					: Optional.of(method + " " + rawPath + " answered " + status + ", but " + template.get()
							+ " documents no " + method + " operation (only " + BEFORE_ROUTING + " would fit)");
		}
		if (!documented.contains(status)) {
			return Optional.of(method + " " + rawPath + " answered " + status + ", but the document lists only "
					+ documented + " for " + method + " " + template.get());
		}
		return Optional.empty();
	}

	/**
	 * Return what is wrong with an answer according to the document: a status its
	 * operation does not list (see {@link #mismatch(String, String, int)}), and for a
	 * listed one, a declared header that is required and missing or that does not match
	 * its schema, a body where the response declares none, a Content-Type the response
	 * does not declare, or a JSON body that does not match the response's schema.
	 * @param answer the answer
	 * @return descriptions of what is wrong, empty if the document describes the answer
	 */
	List<String> mismatches(Answer answer) {
		Optional<String> status = mismatch(answer.method(), answer.rawPath(), answer.status());
		if (status.isPresent()) {
			return List.of(status.get());
		}
		Optional<String> template = templateOf(answer.rawPath());
		Operation operation = (template.isPresent()) ? operation(template.get(), answer.method()) : null;
		if (operation == null) {
			// An undocumented path, or a method refused before routing: the status is all
			// the document says about it.
			return List.of();
		}
		String location = "/paths/" + pointerToken(template.get()) + "/" + answer.method().toLowerCase(Locale.ROOT)
				+ "/responses/" + answer.status();
		ApiResponse response = operation.getResponses().get(String.valueOf(answer.status()));
		if (response.get$ref() != null) {
			String name = referencedName(response.get$ref());
			response = this.model.getComponents().getResponses().get(name);
			location = "/components/responses/" + pointerToken(name);
		}
		List<String> problems = new ArrayList<>();
		checkHeaders(answer, response, location, problems);
		checkContent(answer, response, location, problems);
		String described = answer.method() + " " + answer.rawPath() + " answered " + answer.status() + ": ";
		return problems.stream().map((problem) -> described + problem).toList();
	}

	private Operation operation(String pathTemplate, String method) {
		return path(pathTemplate).readOperationsMap().get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
	}

	private void checkHeaders(Answer answer, ApiResponse response, String location, List<String> problems) {
		if (response.getHeaders() == null) {
			return;
		}
		response.getHeaders().forEach((name, declared) -> {
			Header header = declared;
			String headerLocation = location + "/headers/" + pointerToken(name);
			if (header.get$ref() != null) {
				String reference = referencedName(header.get$ref());
				header = this.model.getComponents().getHeaders().get(reference);
				headerLocation = "/components/headers/" + pointerToken(reference);
			}
			Optional<String> value = answer.header(name);
			if (value.isEmpty()) {
				if (Boolean.TRUE.equals(header.getRequired())) {
					problems.add("no " + name + " header, which the document requires");
				}
				return;
			}
			if (header.getSchema() != null) {
				List<Error> errors = headerErrors(headerLocation + "/schema", value.get());
				if (!errors.isEmpty()) {
					problems.add(name + ": " + value.get() + " does not match its schema: " + errors);
				}
			}
		});
	}

	/**
	 * Apply a header's schema to its value: as a string, or, for a value that is a whole
	 * number, also as that number, since a header's text is read as the type its schema
	 * names (OpenAPI's {@code simple} style).
	 */
	private List<Error> headerErrors(String schemaPointer, String value) {
		Schema schema = schema(schemaPointer);
		List<Error> asText = schema.validate(JsonNodeFactory.instance.stringNode(value), FORMATS_ASSERTED);
		if (asText.isEmpty() || !INTEGER.matcher(value).matches()) {
			return asText;
		}
		List<Error> asNumber = schema.validate(JsonNodeFactory.instance.numberNode(Long.parseLong(value)),
				FORMATS_ASSERTED);
		return asNumber.isEmpty() ? asNumber : asText;
	}

	private void checkContent(Answer answer, ApiResponse response, String location, List<String> problems) {
		Content content = response.getContent();
		byte[] body = answer.body();
		if (content == null || content.isEmpty()) {
			if (body.length > 0) {
				problems.add("a body of " + body.length + " bytes, where the document declares none");
			}
			return;
		}
		if (answer.method().equalsIgnoreCase("HEAD")) {
			// HEAD is answered with GET's headers, never a body (RFC 9110 9.3.2).
			return;
		}
		Optional<String> contentType = answer.header("Content-Type");
		if (body.length == 0 && contentType.isEmpty()) {
			if (!content.containsKey("*/*")) {
				problems.add("no body, where the document declares " + content.keySet());
			}
			return;
		}
		Optional<String> mediaType = content.keySet()
			.stream()
			.filter((declared) -> mediaTypeMatches(declared, contentType.orElse("")))
			.findFirst();
		if (mediaType.isEmpty()) {
			problems.add("Content-Type " + contentType.orElse("(none)") + ", where the document declares "
					+ content.keySet());
			return;
		}
		if (isJson(mediaType.get()) && content.get(mediaType.get()).getSchema() != null) {
			String schemaPointer = location + "/content/" + pointerToken(mediaType.get()) + "/schema";
			JsonNode json;
			try {
				json = JSON.readTree(body);
			}
			catch (JacksonException ex) {
				problems.add("a body that is not the JSON the document declares (" + mediaType.get() + "): "
						+ ex.getOriginalMessage());
				return;
			}
			if (json == null || json.isMissingNode()) {
				problems.add("no body, where the document declares " + mediaType.get());
				return;
			}
			List<Error> errors = schema(schemaPointer).validate(json, FORMATS_ASSERTED);
			if (!errors.isEmpty()) {
				problems.add("a body that does not match the schema of " + mediaType.get() + ": " + errors);
			}
		}
	}

	private Schema schema(String pointer) {
		return this.schemas.computeIfAbsent(pointer, (location) -> this.schemaRegistry
			.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + location.replace("{", "%7B").replace("}", "%7D"))));
	}

	private static boolean mediaTypeMatches(String declared, String contentType) {
		String actual = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		String range = declared.toLowerCase(Locale.ROOT);
		if (range.equals("*/*")) {
			return true;
		}
		if (range.endsWith("/*")) {
			return actual.startsWith(range.substring(0, range.length() - 1));
		}
		return actual.equals(range);
	}

	private static boolean isJson(String mediaType) {
		return mediaType.equals("application/json") || mediaType.endsWith("+json");
	}

	private static String referencedName(String reference) {
		return reference.substring(reference.lastIndexOf('/') + 1);
	}

	/** Escape a name as one token of a JSON pointer (RFC 6901). */
	private static String pointerToken(String name) {
		return name.replace("~", "~0").replace("/", "~1");
	}

	/**
	 * Return the mismatches of several answers.
	 * @param answers the answers
	 * @return the descriptions of what the document does not describe, each once
	 */
	List<String> mismatches(List<Answer> answers) {
		List<String> mismatches = new ArrayList<>();
		for (Answer answer : answers) {
			mismatches.addAll(mismatches(answer));
		}
		return mismatches.stream().distinct().toList();
	}

	/**
	 * One answer of a service, as the document judges it.
	 *
	 * @param method the request's method
	 * @param rawPath the request's raw path, without query
	 * @param status the status of the answer
	 * @param headers its headers, by name in any case
	 * @param body its body, empty if none
	 */
	record Answer(String method, String rawPath, int status, Map<String, List<String>> headers, byte[] body) {

		Answer {
			Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			caseInsensitive.putAll(headers);
			headers = caseInsensitive;
			body = (body != null) ? body : new byte[0];
		}

		/**
		 * Describe a response of the JDK's client.
		 * @param response the response
		 * @return its request's method and raw path, and the answer
		 */
		static Answer of(HttpResponse<byte[]> response) {
			return new Answer(response.request().method(), response.request().uri().getRawPath(), response.statusCode(),
					response.headers().map(), response.body());
		}

		/**
		 * Return the first value of a header.
		 * @param name its name, in any case
		 * @return the value, or empty if the answer has no such header
		 */
		Optional<String> header(String name) {
			return this.headers.getOrDefault(name, List.of()).stream().findFirst();
		}

	}

}
