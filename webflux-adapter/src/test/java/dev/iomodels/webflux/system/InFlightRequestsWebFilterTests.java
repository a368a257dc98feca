package dev.iomodels.webflux.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.iomodels.service.metrics.InFlightRequests;
import dev.iomodels.service.metrics.ServerRequestTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

class InFlightRequestsWebFilterTests {

	private final InFlightRequests inFlight = new InFlightRequests();

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final InFlightRequestsWebFilter filter = new InFlightRequestsWebFilter(this.inFlight,
			new ServerRequestTimer(this.registry));

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
	void aFailedRequestIsTimedWithTheStatusOfTheAnswerTheExceptionHandlersWrite() {
		WebFilterChain failing = (exchange) -> Mono.error(new IllegalStateException("handler failed"));
		this.filter.filter(this.exchange, failing).onErrorResume((ex) -> {
			assertThat(this.registry.find(ServerRequestTimer.METER_NAME).timers()).as("before the answer").isEmpty();
			this.exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
			return this.exchange.getResponse().setComplete();
		}).block(Duration.ofSeconds(5));

		assertThat(this.registry.get(ServerRequestTimer.METER_NAME)
			.tags("status", "503", "outcome", "SERVER_ERROR", "exception", "IllegalStateException")
			.timer()
			.count()).isOne();
	}

	@Test
	void aRequestIsTimedOnceUnderTheRoutePatternTheHandlerMappingMatched() {
		this.filter.filter(this.exchange, (exchange) -> {
			exchange.getAttributes()
				.put(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE,
						PathPatternParser.defaultInstance.parse("/api/v1/objects/{*key}"));
			exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
			return Mono.empty();
		}).block(Duration.ofSeconds(5));

		assertThat(this.registry.get(ServerRequestTimer.METER_NAME).timers()).singleElement().satisfies((timer) -> {
			assertThat(timer.count()).isOne();
			assertThat(timer.getId().getTags()).extracting(Tag::getKey, Tag::getValue)
				.containsExactlyInAnyOrder(tuple("method", "GET"), tuple("uri", "/api/v1/objects/{*key}"),
						tuple("status", "404"), tuple("outcome", "CLIENT_ERROR"), tuple("exception", "none"));
		});
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
		assertThat(this.registry.get(ServerRequestTimer.METER_NAME)
			.tags("status", "UNKNOWN", "outcome", "UNKNOWN", "uri", "UNKNOWN")
			.timer()
			.count()).isOne();
	}

}
