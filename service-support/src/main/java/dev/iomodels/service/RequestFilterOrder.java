package dev.iomodels.service;

import org.springframework.core.Ordered;

/**
 * The order of the API's request filters, one list for both web stacks, so that the two
 * adapters refuse a request with several faults in the same way and count the same span.
 * Each adapter's filters return these constants from {@code getOrder()} or carry them in
 * {@code @Order}; a lower number runs first, around everything after it. They are
 * compile-time constants: nothing is looked up per request.
 * <ol>
 * <li>{@link #IN_FLIGHT}: the in-flight count and the request timer
 * ({@code http.server.requests}) come first, so they cover all of the application's
 * handling, refusals included.</li>
 * <li>{@link #UNREAD_BODY_DRAIN} (WebFlux only): drains a body that no handler reads. It
 * wraps the admission, so a refused request's body is drained too. Tomcat swallows such a
 * body by itself, so the MVC adapter has no twin.</li>
 * <li>{@link #ADMISSION}: the overload policy refuses a request before anything parses or
 * reads it, so a flood costs as little as possible, and starts the request's
 * deadline.</li>
 * <li>{@link #REQUEST_PATH}: the path rule, before routing, so a malformed path is
 * refused the same way whatever the method or the route.</li>
 * <li>{@link #WRITE_AUTHORIZATION}: a PUT or DELETE without the token is refused after
 * the path rule (a malformed path is a 400 even without a token) and before routing.</li>
 * </ol>
 * Every API filter comes before Spring's own request-wrapping filters (form content,
 * request context), which have orders near zero.
 */
public final class RequestFilterOrder {

	/** The in-flight count and the request timer: first, around everything. */
	public static final int IN_FLIGHT = Ordered.HIGHEST_PRECEDENCE;

	/**
	 * The MVC adapter's suppression of Spring MVC's {@code Content-Disposition} guard
	 * header. It only wraps the response for whatever runs inside, so it shares the first
	 * place with the in-flight count: the two do not touch each other.
	 */
	public static final int DOWNLOAD_HEADER_SUPPRESSION = IN_FLIGHT;

	/** The WebFlux adapter's drain of unread bodies: around the admission. */
	public static final int UNREAD_BODY_DRAIN = IN_FLIGHT + 1;

	/** The overload policy and the start of the request's deadline. */
	public static final int ADMISSION = IN_FLIGHT + 2;

	/** The rule for the request's path and query. */
	public static final int REQUEST_PATH = IN_FLIGHT + 3;

	/** The bearer token of writes. */
	public static final int WRITE_AUTHORIZATION = IN_FLIGHT + 4;

	/**
	 * The WebFlux adapter's renderer of errors raised outside the dispatcher: before
	 * Spring Boot's {@code ErrorWebExceptionHandler}, whose order is -1. (An exception
	 * handler, not a filter, ordered among exception handlers; the MVC adapter's error
	 * controller plays its part there.)
	 */
	public static final int PROBLEM_EXCEPTION_HANDLER = -2;

	private RequestFilterOrder() {
	}

}
