package dev.iomodels.mvc.system;

import java.io.IOException;

import dev.iomodels.service.RequestFilterOrder;
import dev.iomodels.service.metrics.InFlightRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the API requests in flight ({@link InFlightRequests}) on Tomcat: from the moment
 * the servlet filter chain receives a request until the chain returns, by which time the
 * response has been written or the request has failed. It is the first filter, so the
 * count covers all of the application's handling. The API is synchronous, so a request
 * never outlives its thread's pass through the chain. The management port has its own
 * filter chain, without this filter.
 */
class InFlightRequestsFilter extends OncePerRequestFilter implements Ordered {

	private final InFlightRequests inFlight;

	InFlightRequestsFilter(InFlightRequests inFlight) {
		this.inFlight = inFlight;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.inFlight.started();
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.inFlight.finished();
		}
	}

	@Override
	public int getOrder() {
		return RequestFilterOrder.IN_FLIGHT;
	}

}
