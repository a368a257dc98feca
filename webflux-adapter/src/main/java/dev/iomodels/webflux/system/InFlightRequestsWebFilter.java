package dev.iomodels.webflux.system;

import dev.iomodels.service.RequestFilterOrder;
import dev.iomodels.service.metrics.InFlightRequests;
import reactor.core.publisher.Mono;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Counts the API requests in flight ({@link InFlightRequests}) on Reactor Netty: from the
 * subscription to the filter chain, when the first web filter receives the request, until
 * the chain terminates, by which time the response has been written, has failed, or the
 * client has gone away (cancel). The same span as the servlet filter of the MVC services;
 * no thread is held meanwhile. The management port's server does not run this filter.
 */
class InFlightRequestsWebFilter implements WebFilter, Ordered {

	private static final String MANAGEMENT = "management";

	private final InFlightRequests inFlight;

	InFlightRequestsWebFilter(InFlightRequests inFlight) {
		this.inFlight = inFlight;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(), MANAGEMENT)) {
			return chain.filter(exchange);
		}
		return Mono.defer(() -> {
			this.inFlight.started();
			return chain.filter(exchange).doFinally((signal) -> this.inFlight.finished());
		});
	}

	@Override
	public int getOrder() {
		return RequestFilterOrder.IN_FLIGHT;
	}

}
