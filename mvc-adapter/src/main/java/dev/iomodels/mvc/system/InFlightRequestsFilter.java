package dev.iomodels.mvc.system;

import java.io.IOException;

import dev.iomodels.service.RequestFilterOrder;
import dev.iomodels.service.metrics.InFlightRequests;
import dev.iomodels.service.metrics.ServerRequestTimer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Counts the API requests in flight ({@link InFlightRequests}) on Tomcat and times them
 * ({@link ServerRequestTimer}): from the moment the servlet filter chain receives a
 * request until the chain returns, by which time the response has been written or the
 * request has failed. It is the first filter, so both cover all of the application's
 * handling. The API is synchronous, so a request never outlives its thread's pass through
 * the chain. The management port has its own filter chain, without this filter.
 */
class InFlightRequestsFilter extends OncePerRequestFilter implements Ordered {

	private final InFlightRequests inFlight;

	private final ServerRequestTimer timer;

	InFlightRequestsFilter(InFlightRequests inFlight, ServerRequestTimer timer) {
		this.inFlight = inFlight;
		this.timer = timer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.inFlight.started();
		long start = this.timer.start();
		Throwable error = null;
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			error = ex;
			throw ex;
		}
		finally {
			this.inFlight.finished();
			this.timer.record(start, request.getMethod(), routePattern(request), status(response, error), error);
		}
	}

	/**
	 * An exception that escapes the chain becomes a 500 after this filter, when Tomcat's
	 * error handling writes it.
	 */
	private static int status(HttpServletResponse response, Throwable error) {
		int status = response.getStatus();
		return (error != null && status < 400) ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : status;
	}

	/**
	 * The pattern of the route the request matched, set by the handler mapping.
	 */
	private static String routePattern(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return (pattern != null) ? pattern.toString() : null;
	}

	@Override
	public int getOrder() {
		return RequestFilterOrder.IN_FLIGHT;
	}

}
