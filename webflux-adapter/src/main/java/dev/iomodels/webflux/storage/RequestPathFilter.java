package dev.iomodels.webflux.storage;

import dev.iomodels.service.RequestFilterOrder;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.http.RequestPaths;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Applies {@link RequestPaths#check(String)} to the path as the client sent it, before
 * routing: Reactor Netty passes dot-segments and control characters through where Tomcat
 * refuses or normalizes them, and the rule makes all services answer such a path alike. A
 * refusal here happens outside the dispatcher, so {@link ProblemWebExceptionHandler}
 * renders it, as the same problem the MVC adapter's {@code RequestPathFilter} produces.
 */
@Component
@Order(RequestFilterOrder.REQUEST_PATH)
class RequestPathFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try {
			RequestPaths.check(exchange.getRequest().getPath().value());
		}
		catch (ProblemException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
