package dev.iomodels.webflux.storage;

import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.Problems;
import dev.iomodels.storage.ProblemException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns every exception into the API's problem response. What the problem says is decided
 * in {@link Problems}; this class only knows where WebFlux puts the facts. WebFlux sends
 * the errors of handler mapping (unknown path, wrong method, unacceptable media type)
 * through this advice as well.
 * <p>
 * The problem is written straight to the response rather than returned: a returned body
 * goes through content negotiation, which answers a client whose {@code Accept} header
 * cannot be parsed with the right status and no body at all. Its bytes come from
 * {@link JsonResponses}, as in the MVC adapter.
 */
@RestControllerAdvice
class ProblemHandler {

	private static final Log logger = LogFactory.getLog(ProblemHandler.class);

	private final JsonResponses json;

	ProblemHandler(JsonResponses json) {
		this.json = json;
	}

	@ExceptionHandler
	Mono<Void> refused(ProblemException ex, ServerWebExchange exchange) {
		return send(this.json.of(Problems.of(ex, rawPath(exchange.getRequest()))), exchange.getResponse());
	}

	@ExceptionHandler
	Mono<Void> other(Exception ex, ServerWebExchange exchange) {
		return send(this.json.of(render(ex, exchange.getRequest())), exchange.getResponse());
	}

	/**
	 * Render any exception: a refusal of the API, one of Spring's own client errors
	 * (which implement {@link ErrorResponse}), or else a fault of the service.
	 * @param ex the exception
	 * @param request the request it was raised for
	 * @return the problem response
	 */
	static ResponseEntity<ProblemDetail> render(Throwable ex, ServerHttpRequest request) {
		if (ex instanceof ProblemException problem) {
			return Problems.of(problem, rawPath(request));
		}
		if (ex instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
			return Problems.ofErrorResponse(error, request.getMethod().name(), rawPath(request));
		}
		logger.error("Unhandled exception for " + request.getMethod() + " " + rawPath(request), ex);
		return Problems.ofInternalError(rawPath(request));
	}

	/**
	 * Write a problem response as application/problem+json, whatever the request accepts,
	 * replacing the content headers of whatever was being answered.
	 * @param problem the problem response, its body already serialized
	 * @param response the response to write it to
	 * @return completion of the write
	 */
	static Mono<Void> send(ResponseEntity<byte[]> problem, ServerHttpResponse response) {
		response.setStatusCode(problem.getStatusCode());
		response.getHeaders().clearContentHeaders();
		response.getHeaders().putAll(problem.getHeaders());
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(problem.getBody())));
	}

	private static String rawPath(ServerHttpRequest request) {
		// Still percent-encoded, like getRequestURI() in the MVC adapter.
		return request.getPath().value();
	}

}
