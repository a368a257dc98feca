package dev.iomodels.mvc.storage;

import java.io.IOException;

import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.Problems;
import dev.iomodels.service.RequestAdmission;
import dev.iomodels.service.RequestFilterOrder;
import dev.iomodels.service.RequestTimeouts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the shared overload policy ({@link RequestAdmission}) on Tomcat: a request over
 * the bound of admitted requests or buffered body bytes is answered at once with 503
 * {@code overloaded} and {@code Retry-After}, before its body is read (so Tomcat, which
 * sends {@code 100 Continue} only when the body is read, never invites it). It runs right
 * after the in-flight count, before anything else of the application. The management port
 * has its own filter chain without it, so health answers under any load.
 * <p>
 * On classic-service a request only reaches this filter once one of Tomcat's 200 threads
 * runs it, so there the bound is the pool size and the queue in front of the pool is
 * bounded by {@code max-connections}; on loom-service every accepted request reaches it
 * at once, as on webflux-service.
 * <p>
 * An admitted request's deadline ({@link RequestTimeouts}) starts here, at the same place
 * as on webflux-service, and goes into the request's attributes for the controller that
 * reads the body and for the storage layer, which gives the storage at most the remaining
 * budget.
 */
class AdmissionFilter extends OncePerRequestFilter implements Ordered {

	private final RequestAdmission admission;

	private final RequestTimeouts timeouts;

	private final JsonResponses json;

	AdmissionFilter(RequestAdmission admission, RequestTimeouts timeouts, JsonResponses json) {
		this.admission = admission;
		this.timeouts = timeouts;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestAdmission.Admitted admitted = this.admission.tryAdmit(request.getMethod(),
				request.getContentLengthLong(), request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null);
		if (admitted == null) {
			ProblemResponses.write(this.json.of(Problems.ofOverloaded(request.getRequestURI())), response);
			return;
		}
		request.setAttribute(RequestTimeouts.ATTRIBUTE, this.timeouts.start());
		try {
			chain.doFilter(request, response);
		}
		finally {
			admitted.release();
		}
	}

	@Override
	public int getOrder() {
		return RequestFilterOrder.ADMISSION;
	}

}
