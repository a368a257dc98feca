package dev.iomodels.webflux.system;

import dev.iomodels.service.RequestFilterOrder;
import dev.iomodels.service.metrics.InFlightRequests;
import dev.iomodels.service.metrics.ServerRequestTimer;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Counts the API requests in flight ({@link InFlightRequests}) on Reactor Netty and times
 * them ({@link ServerRequestTimer}): from the subscription to the filter chain, when the
 * first web filter receives the request, until the chain terminates, by which time the
 * response has been written, has failed, or the client has gone away (cancel, timed with
 * status {@code UNKNOWN}). An error is timed when the exception handlers' answer to it is
 * committed, with that answer's status. The same span as the servlet filter of the MVC
 * services; no thread is held meanwhile. The management port's server does not run this
 * filter.
 */
class InFlightRequestsWebFilter implements WebFilter, Ordered {

	private static final String MANAGEMENT = "management";

	private static final String ERROR_ATTRIBUTE = InFlightRequestsWebFilter.class.getName() + ".ERROR";

	private final InFlightRequests inFlight;

	private final ServerRequestTimer timer;

	InFlightRequestsWebFilter(InFlightRequests inFlight, ServerRequestTimer timer) {
		this.inFlight = inFlight;
		this.timer = timer;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(), MANAGEMENT)) {
			return chain.filter(exchange);
		}
		return Mono.defer(() -> {
			this.inFlight.started();
			long start = this.timer.start();
			// doFinally runs exactly once, whichever of completion, error and cancel
			// comes first; the error itself is kept for it in the exchange.
			return chain.filter(exchange)
				.doOnError((error) -> exchange.getAttributes().put(ERROR_ATTRIBUTE, error))
				.doFinally((signal) -> finished(exchange, start, signal));
		});
	}

	private void finished(ServerWebExchange exchange, long start, SignalType signal) {
		this.inFlight.finished();
		switch (signal) {
			case ON_ERROR -> recordWhenAnswered(exchange, start, exchange.getAttribute(ERROR_ATTRIBUTE));
			case CANCEL -> record(exchange, start, ServerRequestTimer.STATUS_UNKNOWN, null);
			default -> record(exchange, start, status(exchange), null);
		}
	}

	/**
	 * An error that leaves the chain is answered after this filter, by the exception
	 * handlers, which set the status: the request is timed when that answer is committed.
	 */
	private void recordWhenAnswered(ServerWebExchange exchange, long start, Throwable error) {
		if (exchange.getResponse().isCommitted()) {
			record(exchange, start, status(exchange), error);
			return;
		}
		exchange.getResponse().beforeCommit(() -> {
			record(exchange, start, status(exchange), error);
			return Mono.empty();
		});
	}

	private void record(ServerWebExchange exchange, long start, int status, Throwable error) {
		this.timer.record(start, exchange.getRequest().getMethod().name(), routePattern(exchange), status, error);
	}

	private static int status(ServerWebExchange exchange) {
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		return (status != null) ? status.value() : 200;
	}

	/**
	 * The pattern of the route the request matched, set by the handler mapping (a
	 * {@code PathPattern}).
	 */
	private static String routePattern(ServerWebExchange exchange) {
		Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return (pattern != null) ? pattern.toString() : null;
	}

	@Override
	public int getOrder() {
		return RequestFilterOrder.IN_FLIGHT;
	}

}
