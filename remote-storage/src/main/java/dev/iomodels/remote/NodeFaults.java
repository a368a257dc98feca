package dev.iomodels.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.concurrent.OncePerInterval;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Turns a failure to talk to the storage node into the API's answer: a node that cannot
 * be reached, refuses or drops the connection, or has no connection free for too long is
 * 503 {@code storage-unavailable}; a node that took the request and did not answer in
 * time is 504 {@code storage-timeout}. Each client reports these with exceptions of its
 * own (the JDK's, Apache's, Netty's and Reactor's pool), so the whole cause chain is
 * read. Other failures stay errors (500).
 */
final class NodeFaults {

	private static final Log logger = LogFactory.getLog(NodeFaults.class);

	/** A node that is down fails every request: one log line every 5 s. */
	private final OncePerInterval logInterval = new OncePerInterval(Duration.ofSeconds(5));

	private final Executor logging;

	private final Duration readTimeout;

	/**
	 * Create the fault check.
	 * @param logging runs the task that writes the log line: the caller's own thread on a
	 * blocking client, a bounded scheduler on an event loop
	 * @param readTimeout the client's own wait for an answer, for the 504's detail
	 */
	NodeFaults(Executor logging, Duration readTimeout) {
		this.logging = logging;
		this.readTimeout = readTimeout;
	}

	/**
	 * Return what to throw or signal for a failed exchange.
	 * @param failure the failure
	 * @return a problem for a fault of the node or the way to it, the failure otherwise
	 */
	Throwable translate(Throwable failure) {
		if (failure instanceof ProblemException) {
			return failure;
		}
		return switch (classify(failure)) {
			case UNAVAILABLE -> unavailable(failure);
			case TIMEOUT -> new ProblemException(ProblemType.STORAGE_TIMEOUT, "The storage node did not answer within "
					+ this.readTimeout.toMillis() + " ms; it applies no write after the deadline it was given.");
			case OTHER -> failure;
		};
	}

	/**
	 * Return a problem to throw for a failed exchange of a blocking client.
	 * @param failure the failure
	 * @return the problem, or the failure as a runtime exception
	 */
	RuntimeException translateBlocking(RuntimeException failure) {
		Throwable translated = translate(failure);
		return (translated instanceof RuntimeException runtime) ? runtime : failure;
	}

	ProblemException unavailable(Throwable failure) {
		if (this.logInterval.tryPass()) {
			this.logging.execute(() -> logger
				.warn("The storage node is unavailable; answering 503 storage-unavailable: " + failure));
		}
		return new ProblemException(ProblemType.STORAGE_UNAVAILABLE,
				"The storage node cannot be reached right now. Retry after the time in Retry-After; "
						+ "a write that was under way may or may not have been carried out.");
	}

	static Kind classify(Throwable failure) {
		boolean timeout = false;
		boolean io = false;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (isConnectFailure(cause) || isPoolRefusal(cause)) {
				return Kind.UNAVAILABLE;
			}
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException
					|| cause instanceof TimeoutException
					|| nameIs(cause, "io.netty.handler.timeout.ReadTimeoutException")) {
				timeout = true;
			}
			else if (cause instanceof IOException) {
				io = true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		if (timeout) {
			return Kind.TIMEOUT;
		}
		return io ? Kind.UNAVAILABLE : Kind.OTHER;
	}

	private static boolean isConnectFailure(Throwable cause) {
		return cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
				|| cause instanceof UnknownHostException || cause instanceof NoRouteToHostException
				|| nameIs(cause, "org.apache.hc.client5.http.ConnectTimeoutException")
				|| nameIs(cause, "org.apache.hc.client5.http.HttpHostConnectException")
				|| nameIs(cause, "org.apache.hc.client5.http.ConnectionRequestTimeoutException")
				|| nameIs(cause, "reactor.netty.http.client.PrematureCloseException");
	}

	private static boolean isPoolRefusal(Throwable cause) {
		return nameIs(cause, "reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException")
				|| nameIs(cause, "reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException");
	}

	private static boolean nameIs(Throwable cause, String name) {
		for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
			if (type.getName().equals(name)) {
				return true;
			}
		}
		return false;
	}

	enum Kind {

		UNAVAILABLE, TIMEOUT, OTHER

	}

}
