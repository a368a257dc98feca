package dev.iomodels.contract;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The OpenAPI document a service serves, read by swagger-parser into its model, and what
 * it promises: the statuses of each path and method, so that the contract suites can
 * check every answer a service gives against the document the service serves.
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

	private final OpenAPI model;

	private final Map<String, Map<String, Set<Integer>>> statuses = new LinkedHashMap<>();

	private final Map<Pattern, String> templates = new LinkedHashMap<>();

	private OpenApiDocument(OpenAPI model) {
		this.model = model;
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
		return new OpenApiDocument(result.getOpenAPI());
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
	 * Return the mismatches of several answers.
	 * @param exchanges each answer as method, raw path and status
	 * @return the descriptions of the answers the document does not cover
	 */
	List<String> mismatches(List<Exchange> exchanges) {
		List<String> mismatches = new ArrayList<>();
		for (Exchange exchange : exchanges) {
			mismatch(exchange.method(), exchange.rawPath(), exchange.status()).ifPresent(mismatches::add);
		}
		return mismatches.stream().distinct().toList();
	}

	/**
	 * One answer of a service.
	 *
	 * @param method the request's method
	 * @param rawPath the request's raw path, without query
	 * @param status the status of the answer
	 */
	record Exchange(String method, String rawPath, int status) {

		/**
		 * Describe a response of the JDK's client.
		 * @param response the response
		 * @return its request's method and raw path, and its status
		 */
		static Exchange of(HttpResponse<?> response) {
			return new Exchange(response.request().method(), response.request().uri().getRawPath(),
					response.statusCode());
		}

	}

}
