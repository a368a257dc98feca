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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statuses the OpenAPI document promises for each path and method, read from its
 * {@code paths} section, so that the contract suites can check every answer a service
 * gives against the document the service serves. No YAML parser is on the test-jar's
 * classpath; the document is written in one regular layout (two spaces per level, which
 * {@code OpenApiDocumentTests} checks), and this reads exactly that layout: a path at
 * indent 2, its operations at 4, their {@code responses} at 6 and the quoted statuses at
 * 8.
 */
final class OpenApiStatuses {

	private static final Pattern PATH = Pattern.compile("^ {2}(/\\S*):$");

	private static final Pattern OPERATION = Pattern.compile("^ {4}(get|head|put|delete|post|patch|options):$");

	private static final Pattern RESPONSES = Pattern.compile("^ {6}responses:$");

	private static final Pattern STATUS = Pattern.compile("^ {8}'(\\d{3})':$");

	/**
	 * The answers to a method a path does not have: 405, or the refusal of a rule that
	 * runs before routing (malformed path, missing token, overload).
	 */
	private static final Set<Integer> BEFORE_ROUTING = Set.of(400, 401, 405, 503);

	private final Map<String, Map<String, Set<Integer>>> statuses;

	private final Map<Pattern, String> templates = new LinkedHashMap<>();

	private OpenApiStatuses(Map<String, Map<String, Set<Integer>>> statuses) {
		this.statuses = statuses;
		// A path variable may be empty here, so that the API's answer to an empty key
		// (400) is judged against the operation too.
		for (String path : statuses.keySet()) {
			this.templates.put(Pattern.compile(path.replaceAll("\\{[^}/]+}", "[^/?]*").replace(".", "\\.")), path);
		}
	}

	/**
	 * Read the statuses of every operation of a document.
	 * @param document the OpenAPI document as text
	 * @return the statuses by path template and lower-case method
	 */
	static OpenApiStatuses of(String document) {
		Map<String, Map<String, Set<Integer>>> statuses = new LinkedHashMap<>();
		boolean inPaths = false;
		String path = null;
		String method = null;
		boolean inResponses = false;
		for (String line : document.split("\n")) {
			if (!line.isEmpty() && !line.startsWith(" ")) {
				inPaths = line.equals("paths:");
				path = null;
				continue;
			}
			if (!inPaths) {
				continue;
			}
			Matcher matcher;
			if ((matcher = PATH.matcher(line)).matches()) {
				path = matcher.group(1);
				method = null;
				statuses.put(path, new LinkedHashMap<>());
			}
			else if (path != null && (matcher = OPERATION.matcher(line)).matches()) {
				method = matcher.group(1);
				inResponses = false;
				statuses.get(path).put(method, new TreeSet<>());
			}
			else if (method != null && RESPONSES.matcher(line).matches()) {
				inResponses = true;
			}
			else if (method != null && indent(line) <= 6 && !line.isBlank()) {
				inResponses = false;
			}
			else if (inResponses && (matcher = STATUS.matcher(line)).matches()) {
				statuses.get(path).get(method).add(Integer.parseInt(matcher.group(1)));
			}
		}
		return new OpenApiStatuses(statuses);
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

	private static int indent(String line) {
		return line.length() - line.stripLeading().length();
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
