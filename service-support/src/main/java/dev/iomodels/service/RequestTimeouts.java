package dev.iomodels.service;

import java.time.Clock;
import java.time.Duration;

import dev.iomodels.storage.RequestDeadline;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The request timeout that all three services share
 * ({@code iomodels.server.request-timeout}): each web adapter's admission filter starts a
 * request's {@link RequestDeadline} when it admits the request and leaves it in the
 * request's attributes under {@link #ATTRIBUTE}; the object controller checks it each
 * time body bytes arrive. Starting a deadline only reads the clock, so the WebFlux
 * service does it on its event loop.
 * <p>
 * The deadline also bounds the request's storage operations: the emulated-latency layer
 * asks for it ({@link #ofCurrentServletRequest()} on a servlet request's thread, the
 * Reactor context on WebFlux) and gives the storage at most the remaining budget.
 */
public final class RequestTimeouts {

	/**
	 * The request attribute (servlet) or exchange attribute (WebFlux) that holds the
	 * request's deadline.
	 */
	public static final String ATTRIBUTE = RequestDeadline.class.getName();

	private final Duration timeout;

	private final Clock clock;

	/**
	 * Create the policy.
	 * @param timeout the request timeout; a negative one is off
	 * @param clock the clock the deadlines are measured with
	 */
	public RequestTimeouts(Duration timeout, Clock clock) {
		this.timeout = timeout;
		this.clock = clock;
	}

	/**
	 * Start the deadline of a request admitted now.
	 * @return the deadline, never passing if the timeout is off
	 */
	public RequestDeadline start() {
		return RequestDeadline.start(this.timeout, this.clock);
	}

	/**
	 * Return the deadline a request carries.
	 * @param attribute the value of {@link #ATTRIBUTE}, or {@code null} when no admission
	 * filter ran (a controller tested alone)
	 * @return the deadline, {@link RequestDeadline#none()} if there is none
	 */
	public static RequestDeadline of(Object attribute) {
		return (attribute instanceof RequestDeadline deadline) ? deadline : RequestDeadline.none();
	}

	/**
	 * Return the deadline of the servlet request that the calling thread serves, found
	 * through Spring's {@link RequestContextHolder}, which the dispatcher servlet binds
	 * to the request's thread.
	 * @return the deadline, {@link RequestDeadline#none()} outside a request
	 */
	public static RequestDeadline ofCurrentServletRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return of((attributes != null) ? attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) : null);
	}

}
