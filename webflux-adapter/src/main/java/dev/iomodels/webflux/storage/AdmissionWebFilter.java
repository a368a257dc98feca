package dev.iomodels.webflux.storage;

import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.Problems;
import dev.iomodels.service.RequestAdmission;
import dev.iomodels.service.RequestFilterOrder;
import dev.iomodels.service.RequestTimeouts;
import dev.iomodels.storage.RequestDeadline;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Applies the shared overload policy ({@link RequestAdmission}) on Reactor Netty, at the
 * same place as the MVC adapter's filter: right after the in-flight count, before
 * anything else. Admission is two atomic counters, so it runs on the event loop without
 * blocking it; a refused request gets 503 {@code overloaded} with {@code Retry-After} at
 * once, before its body is read. The admission is released when the exchange ends,
 * whether it completed, failed or was cancelled by a client that went away. The
 * management server does not run this filter, so health answers under any load.
 * <p>
 * An admitted request's deadline ({@link RequestTimeouts}) starts here, as in the MVC
 * adapter's filter, and goes into the exchange's attributes for the controller that reads
 * the body and into the Reactor context for the storage layer, which gives the storage at
 * most the remaining budget.
 */
class AdmissionWebFilter implements WebFilter, Ordered {

	private static final String MANAGEMENT = "management";

	private final RequestAdmission admission;

	private final RequestTimeouts timeouts;

	private final JsonResponses json;

	AdmissionWebFilter(RequestAdmission admission, RequestTimeouts timeouts, JsonResponses json) {
		this.admission = admission;
		this.timeouts = timeouts;
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(), MANAGEMENT)) {
			return chain.filter(exchange);
		}
		return Mono.defer(() -> {
			ServerHttpRequest request = exchange.getRequest();
			RequestAdmission.Admitted admitted = this.admission.tryAdmit(request.getMethod().name(),
					request.getHeaders().getContentLength(),
					request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING));
			if (admitted == null) {
				return ProblemHandler.send(this.json.of(Problems.ofOverloaded(request.getPath().value())),
						exchange.getResponse());
			}
			RequestDeadline deadline = this.timeouts.start();
			exchange.getAttributes().put(RequestTimeouts.ATTRIBUTE, deadline);
			// In the Reactor context too, for the storage layer, which sees no exchange.
			return chain.filter(exchange)
				.contextWrite(Context.of(RequestDeadline.CONTEXT_KEY, deadline))
				.doFinally((signal) -> admitted.release());
		});
	}

	@Override
	public int getOrder() {
		return RequestFilterOrder.ADMISSION;
	}

}
