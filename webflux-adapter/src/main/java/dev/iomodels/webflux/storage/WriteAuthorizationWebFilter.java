package dev.iomodels.webflux.storage;

import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.Problems;
import dev.iomodels.service.RequestFilterOrder;
import dev.iomodels.service.WriteAuthorization;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a PUT or DELETE without the configured bearer token
 * ({@link WriteAuthorization}) with 401 {@code unauthorized}, after the path rule and
 * before routing, at the same place as the MVC adapter's filter. The check hashes two
 * short strings: cheap enough for the event loop.
 */
class WriteAuthorizationWebFilter implements WebFilter, Ordered {

	private final WriteAuthorization authorization;

	private final JsonResponses json;

	WriteAuthorizationWebFilter(WriteAuthorization authorization, JsonResponses json) {
		this.authorization = authorization;
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!this.authorization.permits(request.getMethod().name(),
				request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION))) {
			return ProblemHandler.send(this.json.of(Problems.ofUnauthorized(request.getPath().value())),
					exchange.getResponse());
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return RequestFilterOrder.WRITE_AUTHORIZATION;
	}

}
