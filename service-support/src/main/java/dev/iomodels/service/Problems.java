package dev.iomodels.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;

/**
 * Renders every refusal as the same RFC 9457 response in all three services. The web
 * adapters only catch; what the client sees (type, title, status, detail, instance and
 * the {@code Allow} header) is decided here, including for errors that Spring raises
 * before the API code runs, whose own messages differ between Spring MVC and WebFlux.
 */
public final class Problems {

	/**
	 * The order in which {@code Allow} lists methods, whatever order a framework found.
	 */
	private static final List<HttpMethod> METHOD_ORDER = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
			HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

	/**
	 * The {@code Retry-After} of a 503 problem, in seconds: long enough for a burst to
	 * drain or a restarted database to accept connections again, short enough that a
	 * client is not turned away for longer than the overload or fault lasts.
	 */
	public static final int RETRY_AFTER_SECONDS = 1;

	private Problems() {
	}

	/**
	 * Render the refusal of a request over the admission bounds.
	 * @param path the raw request path, for {@code instance}
	 * @return the response, with {@code Retry-After}
	 */
	public static ResponseEntity<ProblemDetail> ofOverloaded(String path) {
		return respond(ProblemType.OVERLOADED,
				"The service is at its bound of concurrent requests or buffered request bytes; try again shortly.",
				path, new HttpHeaders());
	}

	/**
	 * Render the refusal of a write without the configured bearer token.
	 * @param path the raw request path, for {@code instance}
	 * @return the response, with {@code WWW-Authenticate: Bearer}
	 */
	public static ResponseEntity<ProblemDetail> ofUnauthorized(String path) {
		return respond(ProblemType.UNAUTHORIZED, "Writes need the bearer token: Authorization: Bearer <token>.", path,
				new HttpHeaders());
	}

	/**
	 * Render a refusal of the API's own code.
	 * @param ex the refusal
	 * @param path the raw request path, for {@code instance}
	 * @return the response
	 */
	public static ResponseEntity<ProblemDetail> of(ProblemException ex, String path) {
		return respond(ex.type(), ex.detail(), path, new HttpHeaders());
	}

	/**
	 * Render an error that the web framework raised before or around the API code.
	 * @param status the status the framework chose
	 * @param method the request method
	 * @param allowed the methods the resource supports, for a 405; otherwise empty
	 * @param path the raw request path, for {@code instance}
	 * @return the response
	 */
	public static ResponseEntity<ProblemDetail> ofFrameworkError(HttpStatusCode status, String method,
			Collection<HttpMethod> allowed, String path) {
		ProblemType type = ProblemType.forStatus(status.value());
		HttpHeaders headers = new HttpHeaders();
		String detail = switch (type) {
			case METHOD_NOT_ALLOWED -> {
				// Both frameworks answer HEAD wherever they answer GET, but only one of
				// them
				// says so in the exception; list it either way.
				List<HttpMethod> allow = METHOD_ORDER.stream()
					.filter((m) -> allowed.contains(m) || (m == HttpMethod.HEAD && allowed.contains(HttpMethod.GET)))
					.toList();
				headers.setAllow(new java.util.LinkedHashSet<>(allow));
				yield "The method " + method + " is not allowed here; use "
						+ allow.stream().map(HttpMethod::name).collect(Collectors.joining(", ")) + ".";
			}
			case NOT_FOUND -> "There is no resource at this path.";
			case NOT_ACCEPTABLE -> "The resource cannot produce any of the media types the request accepts.";
			case UNSUPPORTED_MEDIA_TYPE -> "The resource does not accept the request's media type.";
			case PAYLOAD_TOO_LARGE -> "The request body is too large.";
			case INTERNAL_ERROR -> "The service failed to handle the request.";
			default -> "The request could not be understood.";
		};
		return respond(type, detail, path, headers);
	}

	/**
	 * Render an error that the web framework raised as an {@link ErrorResponse} (unknown
	 * path, wrong method, unacceptable media type, unreadable input), with the problem
	 * type and detail of this API rather than the framework's own wording.
	 * @param error the framework's error
	 * @param method the request method
	 * @param path the raw request path, for {@code instance}
	 * @return the response
	 */
	public static ResponseEntity<ProblemDetail> ofErrorResponse(ErrorResponse error, String method, String path) {
		return ofFrameworkError(error.getStatusCode(), method, error.getHeaders().getAllow(), path);
	}

	/**
	 * Render a fault of the service itself. The detail never carries the exception's
	 * text, which could leak internals.
	 * @param path the raw request path, for {@code instance}
	 * @return the response
	 */
	public static ResponseEntity<ProblemDetail> ofInternalError(String path) {
		return respond(ProblemType.INTERNAL_ERROR, "The service failed to handle the request.", path,
				new HttpHeaders());
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemType type, String detail, String path,
			HttpHeaders headers) {
		if (type == ProblemType.UNAUTHORIZED) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
		body.setType(type.uri());
		body.setTitle(type.title());
		body.setInstance(instance(path));
		if (type == ProblemType.REQUEST_TIMEOUT) {
			// The rest of the body was never read: the connection cannot carry another
			// request.
			headers.set(HttpHeaders.CONNECTION, "close");
		}
		if (type.status() == 503) {
			headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
		}
		return ResponseEntity.status(type.status())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(body);
	}

	/**
	 * Return the {@code instance} of a problem: the request path as a URI reference. A
	 * path that a server accepted but that is not a valid URI (some servers let {@code |}
	 * or {@code "} through) is quoted rather than dropped.
	 * @param rawPath the raw (still percent-encoded) request path
	 * @return the URI
	 */
	static URI instance(String rawPath) {
		try {
			return new URI(rawPath);
		}
		catch (URISyntaxException ex) {
			try {
				return new URI(null, null, rawPath, null);
			}
			catch (URISyntaxException unreachable) {
				return URI.create("/");
			}
		}
	}

}
