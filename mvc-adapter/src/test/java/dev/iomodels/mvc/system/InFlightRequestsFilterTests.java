package dev.iomodels.mvc.system;

import java.util.concurrent.atomic.AtomicInteger;

import dev.iomodels.service.metrics.InFlightRequests;
import dev.iomodels.service.metrics.ServerRequestTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class InFlightRequestsFilterTests {

	private final InFlightRequests inFlight = new InFlightRequests();

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final InFlightRequestsFilter filter = new InFlightRequestsFilter(this.inFlight,
			new ServerRequestTimer(this.registry));

	@Test
	void aRequestIsInFlightWhileTheChainHandlesItAndNotAfter() throws Exception {
		AtomicInteger seenByHandler = new AtomicInteger(-1);
		MockFilterChain chain = new MockFilterChain(new HttpServlet() {

			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) {
				seenByHandler.set(InFlightRequestsFilterTests.this.inFlight.current());
			}

		});

		this.filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/objects/a"), new MockHttpServletResponse(),
				chain);

		assertThat(seenByHandler).hasValue(1);
		assertThat(this.inFlight.current()).isZero();
	}

	@Test
	void aRequestThatFailsIsNoLongerInFlight() {
		MockFilterChain chain = new MockFilterChain(new HttpServlet() {

			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException {
				throw new ServletException("handler failed");
			}

		});

		assertThatExceptionOfType(ServletException.class).isThrownBy(() -> this.filter
			.doFilter(new MockHttpServletRequest("GET", "/api/v1/objects/a"), new MockHttpServletResponse(), chain));
		assertThat(this.inFlight.current()).isZero();
		assertThat(this.registry.get(ServerRequestTimer.METER_NAME)
			.tags("status", "500", "outcome", "SERVER_ERROR", "exception", "ServletException")
			.timer()
			.count()).isOne();
	}

	@Test
	void aRequestIsTimedOnceUnderTheRoutePatternTheHandlerMappingMatched() throws Exception {
		MockFilterChain chain = new MockFilterChain(new HttpServlet() {

			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) {
				request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/v1/objects/{*key}");
				response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			}

		});

		this.filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/objects/a"), new MockHttpServletResponse(),
				chain);

		assertThat(this.registry.get(ServerRequestTimer.METER_NAME).timers()).singleElement().satisfies((timer) -> {
			assertThat(timer.count()).isOne();
			assertThat(timer.getId().getTags()).extracting(Tag::getKey, Tag::getValue)
				.containsExactlyInAnyOrder(tuple("method", "GET"), tuple("uri", "/api/v1/objects/{*key}"),
						tuple("status", "304"), tuple("outcome", "REDIRECTION"), tuple("exception", "none"));
		});
	}

}
