package dev.iomodels.mvc.storage;

import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.Problems;
import dev.iomodels.storage.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every exception into the API's problem response. What the problem says is decided
 * in {@link Problems}; this class only knows where Spring MVC puts the facts.
 */
@RestControllerAdvice
class ProblemHandler {

	private static final Log logger = LogFactory.getLog(ProblemHandler.class);

	private final JsonResponses json;

	ProblemHandler(JsonResponses json) {
		this.json = json;
	}

	@ExceptionHandler
	ResponseEntity<byte[]> refused(ProblemException ex, HttpServletRequest request) {
		return this.json.of(Problems.of(ex, request.getRequestURI()));
	}

	@ExceptionHandler
	ResponseEntity<byte[]> other(Exception ex, HttpServletRequest request) {
		// Spring's own client errors (unknown path, wrong method, unacceptable media
		// type)
		// implement ErrorResponse; anything else is a fault of the service.
		if (ex instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
			return this.json.of(Problems.ofErrorResponse(error, request.getMethod(), request.getRequestURI()));
		}
		logger.error("Unhandled exception for " + request.getMethod() + " " + request.getRequestURI(), ex);
		return this.json.of(Problems.ofInternalError(request.getRequestURI()));
	}

}
