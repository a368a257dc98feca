package dev.iomodels.storage;

import java.net.URI;

/**
 * The fixed set of RFC 9457 problem types of the API. Every service maps every error to
 * one of these, so a client (and the differential tests) can rely on {@code type} alone.
 * The URIs are URNs on purpose: they identify the problem and do not pretend to be a page
 * that can be fetched.
 */
public enum ProblemType {

	/** The key does not match the key grammar. */
	INVALID_KEY("invalid-key", 400, "Invalid key"),

	/** A query parameter (prefix, limit, cursor) is malformed or out of range. */
	INVALID_PARAMETER("invalid-parameter", 400, "Invalid parameter"),

	/**
	 * A write (PUT, DELETE) without the bearer token that the service requires; the
	 * response carries {@code WWW-Authenticate: Bearer}.
	 */
	UNAUTHORIZED("unauthorized", 401, "Unauthorized"),

	/** A request header (If-Match, If-None-Match, Content-Type) is malformed. */
	INVALID_HEADER("invalid-header", 400, "Invalid header"),

	/** The request could not be read as HTTP the API understands. */
	MALFORMED_REQUEST("malformed-request", 400, "Malformed request"),

	/** No object under that key, or no resource at that path. */
	NOT_FOUND("not-found", 404, "Not found"),

	/**
	 * The resource exists but does not support the method; the response carries Allow.
	 */
	METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),

	/** The client accepts none of the media types the resource can produce. */
	NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),

	/** A conditional request's precondition (If-Match, If-None-Match) does not hold. */
	PRECONDITION_FAILED("precondition-failed", 412, "Precondition failed"),

	/**
	 * The request body did not fully arrive within the request timeout, counted from the
	 * request's admission. Nothing was stored, and the connection is closed after the
	 * answer ({@code Connection: close}), since the rest of the body was never read.
	 */
	REQUEST_TIMEOUT("request-timeout", 408, "Request timeout"),

	/** The body is larger than the configured maximum object size. */
	PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),

	/** The request body's media type is not accepted by the resource. */
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),

	/** Storing the object would exceed the configured object count or byte budget. */
	STORAGE_FULL("storage-full", 507, "Insufficient storage"),

	/**
	 * The service is at its bound of admitted requests or buffered request bytes and
	 * refuses the request at once rather than queue it; the response carries
	 * {@code Retry-After}. Nothing was done.
	 */
	OVERLOADED("overloaded", 503, "Service overloaded"),

	/**
	 * The storage operation did not finish within the storage operation timeout. A write
	 * that times out was not applied.
	 */
	STORAGE_TIMEOUT("storage-timeout", 504, "Storage timeout"),

	/**
	 * The storage backend cannot be reached (a database that is down or out of
	 * connections); the request may succeed later, and the response carries
	 * {@code Retry-After}.
	 */
	STORAGE_UNAVAILABLE("storage-unavailable", 503, "Storage unavailable"),

	/** A fault of the service itself; never the answer to a client's mistake. */
	INTERNAL_ERROR("internal-error", 500, "Internal server error");

	private static final String URN_PREFIX = "urn:io-models:problem:";

	private final String slug;

	private final int status;

	private final String title;

	private final URI uri;

	ProblemType(String slug, int status, String title) {
		this.slug = slug;
		this.status = status;
		this.title = title;
		this.uri = URI.create(URN_PREFIX + slug);
	}

	/**
	 * Return the stable short name of the problem, e.g. {@code not-found}.
	 * @return the slug that ends the type URI
	 */
	public String slug() {
		return this.slug;
	}

	/**
	 * Return the HTTP status this problem is always answered with.
	 * @return the status code
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Return the short, human-readable summary that goes into {@code title}.
	 * @return the title
	 */
	public String title() {
		return this.title;
	}

	/**
	 * Return the problem's {@code type} URI.
	 * @return the type URI, identical in every service
	 */
	public URI uri() {
		return this.uri;
	}

	/**
	 * Return the problem type a framework-level error of the given status maps to. Used
	 * by the web adapters for errors raised before the API code runs (unknown path, wrong
	 * method, unacceptable media type), so they get the same types as the API's own.
	 * @param status an HTTP status code of a client error
	 * @return the matching problem type, {@link #INTERNAL_ERROR} for server errors, and
	 * {@link #MALFORMED_REQUEST} for client errors without a dedicated type
	 */
	public static ProblemType forStatus(int status) {
		return switch (status) {
			case 401 -> UNAUTHORIZED;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 412 -> PRECONDITION_FAILED;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 507 -> STORAGE_FULL;
			default -> (status >= 500) ? INTERNAL_ERROR : MALFORMED_REQUEST;
		};
	}

}
