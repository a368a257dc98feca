package dev.iomodels.webflux.system;

import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;

/**
 * Turns on Reactor Netty's own server metrics for the API server: connections (total and
 * active), response time, data sent and received, errors, each event loop's pending tasks
 * and the pooled allocator's memory ({@code reactor.netty.*}). Spring Boot has no
 * property for them. Reactor Netty registers them in Micrometer's global registry, which
 * Spring Boot links to the service's Prometheus registry, so they carry the same common
 * tags as every other meter.
 * <p>
 * Reactor Netty tags these meters with the request's path; this maps it to the API's
 * routes, so that a client walking through a million keys cannot create a million time
 * series.
 */
final class ServerMetricsCustomizer implements NettyServerCustomizer {

	private static final String OBJECT_PATH_PREFIX = "/api/v1/objects/";

	@Override
	public HttpServer apply(HttpServer server) {
		return server.metrics(true, ServerMetricsCustomizer::uriTag);
	}

	/**
	 * Return the route that a request path belongs to.
	 * @param uri the request's path, possibly with a query
	 * @return e.g. {@code /api/v1/objects/{key}}, or {@code other} for a path outside the
	 * API
	 */
	static String uriTag(String uri) {
		int query = uri.indexOf('?');
		String path = (query >= 0) ? uri.substring(0, query) : uri;
		// Runs for every request on the event loop: a prefix test, not a regex.
		if (path.length() > OBJECT_PATH_PREFIX.length() && path.startsWith(OBJECT_PATH_PREFIX)) {
			return "/api/v1/objects/{key}";
		}
		return switch (path) {
			case "/api/v1/objects", "/api/v1/info", "/api/v1/openapi.yaml" -> path;
			default -> "other";
		};
	}

}
