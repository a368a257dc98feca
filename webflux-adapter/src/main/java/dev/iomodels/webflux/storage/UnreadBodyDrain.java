package dev.iomodels.webflux.storage;

import dev.iomodels.service.RequestFilterOrder;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Reads and drops the body of a request whose handler never reads one (a GET, DELETE or
 * POST that comes with a body) before handling it, as Tomcat swallows such a body.
 * Reactor Netty otherwise answers and closes the connection with the body still unread,
 * the kernel resets it, and the client can lose the answer. Each buffer is released as it
 * arrives, so nothing accumulates; it runs on the event loop and never blocks.
 */
class UnreadBodyDrain implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		boolean hasBody = request.getHeaders().getContentLength() > 0
				|| request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
		if (!hasBody) {
			return chain.filter(exchange);
		}
		if (HttpMethod.PUT.equals(request.getMethod())) {
			// The body can be subscribed to once: if the handler read it, this second
			// subscription is refused, and there is nothing left to drain.
			return chain.filter(exchange)
				.then(Mono
					.defer(() -> drain(request).onErrorResume(IllegalStateException.class, (ex) -> Mono.empty())));
		}
		return drain(request).then(Mono.defer(() -> chain.filter(exchange)));
	}

	private static Mono<Void> drain(ServerHttpRequest request) {
		return request.getBody().doOnNext(DataBufferUtils::release).then();
	}

	@Override
	public int getOrder() {
		return RequestFilterOrder.UNREAD_BODY_DRAIN;
	}

}
