package dev.iomodels.webflux.storage;

import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.RequestFilterOrder;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Renders the errors that {@link ProblemHandler} never sees, such as one raised outside
 * the dispatcher or one for which no {@code @ExceptionHandler} could be chosen (Spring
 * chooses them by the {@code Accept} header, so an unparsable one fails that step), as
 * the same problem response instead of Spring Boot's error attributes. It runs before
 * Boot's {@code ErrorWebExceptionHandler}, which has order -1; the MVC adapter's
 * {@code ProblemErrorController} plays the same part there.
 */
@Component
@Order(RequestFilterOrder.PROBLEM_EXCEPTION_HANDLER)
class ProblemWebExceptionHandler implements WebExceptionHandler {

	private final JsonResponses json;

	ProblemWebExceptionHandler(JsonResponses json) {
		this.json = json;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		return ProblemHandler.send(this.json.of(ProblemHandler.render(ex, exchange.getRequest())),
				exchange.getResponse());
	}

}
