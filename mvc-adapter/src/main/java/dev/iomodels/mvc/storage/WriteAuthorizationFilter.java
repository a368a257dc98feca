package dev.iomodels.mvc.storage;

import java.io.IOException;

import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.Problems;
import dev.iomodels.service.RequestFilterOrder;
import dev.iomodels.service.WriteAuthorization;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a PUT or DELETE without the configured bearer token
 * ({@link WriteAuthorization}) with 401 {@code unauthorized}, after the path rule and
 * before routing, at the same place as the WebFlux adapter's filter, so that a request
 * with several faults gets the same answer from every service.
 */
class WriteAuthorizationFilter extends OncePerRequestFilter implements Ordered {

	private final WriteAuthorization authorization;

	private final JsonResponses json;

	WriteAuthorizationFilter(WriteAuthorization authorization, JsonResponses json) {
		this.authorization = authorization;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.authorization.permits(request.getMethod(), request.getHeader(HttpHeaders.AUTHORIZATION))) {
			ProblemResponses.write(this.json.of(Problems.ofUnauthorized(request.getRequestURI())), response);
			return;
		}
		chain.doFilter(request, response);
	}

	@Override
	public int getOrder() {
		return RequestFilterOrder.WRITE_AUTHORIZATION;
	}

}
