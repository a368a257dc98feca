package dev.iomodels.mvc.system;

import java.util.concurrent.atomic.AtomicInteger;

import dev.iomodels.service.metrics.InFlightRequests;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InFlightRequestsFilterTests {

	private final InFlightRequests inFlight = new InFlightRequests();

	private final InFlightRequestsFilter filter = new InFlightRequestsFilter(this.inFlight);

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
	}

}
