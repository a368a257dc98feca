package dev.iomodels.mvc.storage;

import java.io.IOException;

import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.Problems;
import dev.iomodels.service.RequestFilterOrder;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.http.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link RequestPaths#check(String)} to the path as the client sent it
 * ({@code getRequestURI()} is not normalized by Tomcat) before Spring MVC even looks for
 * a handler, so that a malformed path is refused the same way whatever the method, as the
 * WebFlux adapter's filter does. The problem is written here: a filter runs outside the
 * dispatcher, where {@link ProblemHandler} cannot reach.
 */
@Component
@Order(RequestFilterOrder.REQUEST_PATH)
class RequestPathFilter extends OncePerRequestFilter {

	private final JsonResponses json;

	RequestPathFilter(JsonResponses json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			RequestPaths.check(request.getRequestURI());
			RequestPaths.checkQuery(request.getQueryString());
		}
		catch (ProblemException ex) {
			ResponseEntity<byte[]> problem = this.json.of(Problems.of(ex, request.getRequestURI()));
			response.setStatus(problem.getStatusCode().value());
			response.setHeader(HttpHeaders.CONTENT_TYPE, problem.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
			response.setContentLength(problem.getBody().length);
			response.getOutputStream().write(problem.getBody());
			return;
		}
		chain.doFilter(request, response);
	}

}
