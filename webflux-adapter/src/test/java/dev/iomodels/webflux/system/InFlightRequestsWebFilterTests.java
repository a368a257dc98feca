package dev.iomodels.webflux.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.iomodels.service.metrics.InFlightRequests;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class InFlightRequestsWebFilterTests {

	private final InFlightRequests inFlight = new InFlightRequests();

	private final InFlightRequestsWebFilter filter = new InFlightRequestsWebFilter(this.inFlight);

	private final MockServerWebExchange exchange = MockServerWebExchange
		.from(MockServerHttpRequest.get("/api/v1/objects/a"));

	@Test
	void aRequestIsInFlightFromSubscriptionUntilTheChainCompletes() {
		Sinks.Empty<Void> response = Sinks.empty();
		Mono<Void> handling = this.filter.filter(this.exchange, (exchange) -> response.asMono());
		assertThat(this.inFlight.current()).as("before subscription").isZero();

		Disposable subscription = handling.subscribe();
		assertThat(this.inFlight.current()).as("while the response is pending").isOne();

		response.tryEmitEmpty();
		assertThat(this.inFlight.current()).as("after the response").isZero();
		assertThat(subscription.isDisposed()).isTrue();
	}

	@Test
	void aRequestThatFailsIsNoLongerInFlight() {
		WebFilterChain failing = (exchange) -> Mono.error(new IllegalStateException("handler failed"));

		assertThatIllegalStateException()
			.isThrownBy(() -> this.filter.filter(this.exchange, failing).block(Duration.ofSeconds(5)));
		assertThat(this.inFlight.current()).isZero();
	}

	@Test
	void aRequestWhoseClientWentAwayIsNoLongerInFlight() {
		AtomicInteger seen = new AtomicInteger();
		Disposable subscription = this.filter.filter(this.exchange, (exchange) -> {
			seen.set(this.inFlight.current());
			return Mono.never();
		}).subscribe();

		subscription.dispose();

		assertThat(seen).hasValue(1);
		assertThat(this.inFlight.current()).isZero();
	}

}
