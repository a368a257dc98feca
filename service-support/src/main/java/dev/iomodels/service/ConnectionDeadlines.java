package dev.iomodels.service;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.iomodels.storage.ProblemType;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The two deadlines that hold a connection outside any request's own code, the same rule
 * on both stacks: the <b>request head</b> ({@code iomodels.server.request-head-timeout})
 * and the <b>response write</b> ({@code iomodels.server.response-write-timeout}). Both
 * servers parse a request head before any application code runs, and write a response
 * after it returns, so the request's own deadline ({@link RequestTimeouts}) covers
 * neither; without these, a client that trickles its head one byte at a time (slowloris)
 * or stops reading its answer holds a connection, and on classic a platform thread, for
 * as long as it likes.
 * <ul>
 * <li>A head is timed from its first byte; if it is not complete by the deadline, the
 * server writes {@link #headTimeoutAnswer()} (a 408 {@code request-timeout} problem with
 * {@code Connection: close}, the same bytes on every server) and closes the connection,
 * whether the client is still trickling or has fallen silent.</li>
 * <li>A response write that waits this long for a client that takes none of its bytes
 * ends the connection; the request's thread (classic, loom) or buffers (webflux) are
 * released.</li>
 * </ul>
 * Each is counted: {@value #HEAD_TIMEOUTS} and {@value #WRITE_TIMEOUTS}.
 */
public final class ConnectionDeadlines implements MeterBinder {

	/** The counter of heads cut off at their deadline. */
	public static final String HEAD_TIMEOUTS = "http.server.request.head.timeouts";

	/** The counter of connections cut off because the client stopped reading. */
	public static final String WRITE_TIMEOUTS = "http.server.response.write.timeouts";

	private final Duration requestHeadTimeout;

	private final Duration responseWriteTimeout;

	private final byte[] headTimeoutAnswer;

	private final AtomicLong headTimeouts = new AtomicLong();

	private final AtomicLong writeTimeouts = new AtomicLong();

	/**
	 * Create the deadlines.
	 * @param requestHeadTimeout how long a head may take from its first byte
	 * @param responseWriteTimeout how long a write may wait for a client that reads
	 * nothing
	 * @param mapper the JSON mapper that writes the 408's problem
	 */
	public ConnectionDeadlines(Duration requestHeadTimeout, Duration responseWriteTimeout, JsonMapper mapper) {
		if (!requestHeadTimeout.isPositive() || !responseWriteTimeout.isPositive()) {
			throw new IllegalArgumentException("Both connection deadlines must be positive");
		}
		this.requestHeadTimeout = requestHeadTimeout;
		this.responseWriteTimeout = responseWriteTimeout;
		this.headTimeoutAnswer = headTimeoutAnswer(requestHeadTimeout, mapper);
	}

	/**
	 * Return how long a request head may take from its first byte.
	 * @return the head timeout
	 */
	public Duration requestHeadTimeout() {
		return this.requestHeadTimeout;
	}

	/**
	 * Return how long a response write may wait for a client that takes none of its
	 * bytes.
	 * @return the write timeout
	 */
	public Duration responseWriteTimeout() {
		return this.responseWriteTimeout;
	}

	/**
	 * Return the whole answer to a head that missed its deadline, status line to body, as
	 * each server writes it straight to the socket: no request was parsed, so there is
	 * nothing for a framework to render.
	 * @return a copy of the bytes
	 */
	public byte[] headTimeoutAnswer() {
		return this.headTimeoutAnswer.clone();
	}

	/**
	 * Count a head cut off at its deadline.
	 */
	public void headTimedOut() {
		this.headTimeouts.incrementAndGet();
	}

	/**
	 * Count a connection cut off because its client stopped reading the response.
	 */
	public void writeTimedOut() {
		this.writeTimeouts.incrementAndGet();
	}

	/**
	 * Return how many heads were cut off.
	 * @return the count
	 */
	public long headTimeouts() {
		return this.headTimeouts.get();
	}

	/**
	 * Return how many writes were cut off.
	 * @return the count
	 */
	public long writeTimeouts() {
		return this.writeTimeouts.get();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder(HEAD_TIMEOUTS, this.headTimeouts, AtomicLong::get)
			.description("Request heads not complete within iomodels.server.request-head-timeout: answered 408, "
					+ "connection closed")
			.register(registry);
		FunctionCounter.builder(WRITE_TIMEOUTS, this.writeTimeouts, AtomicLong::get)
			.description("Responses whose client took no bytes for iomodels.server.response-write-timeout: "
					+ "connection closed")
			.register(registry);
	}

	private static byte[] headTimeoutAnswer(Duration timeout, JsonMapper mapper) {
		ProblemType type = ProblemType.REQUEST_TIMEOUT;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()),
				"The request head did not arrive within " + timeout.toMillis() + " ms of its first byte.");
		problem.setType(type.uri());
		problem.setTitle(type.title());
		byte[] body = mapper.writeValueAsBytes(problem);
		String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/problem+json\r\nContent-Length: "
				+ body.length + "\r\nConnection: close\r\n\r\n";
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		answer.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
		answer.writeBytes(body);
		return answer.toByteArray();
	}

}
