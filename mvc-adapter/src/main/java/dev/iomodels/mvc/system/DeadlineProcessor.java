package dev.iomodels.mvc.system;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.iomodels.service.ConnectionDeadlines;
import org.apache.coyote.Adapter;
import org.apache.coyote.ErrorState;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http11.Http11Processor;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's HTTP/1.1 processor held to the {@link ConnectionDeadlines}, which Tomcat does
 * not have: its {@code connectionTimeout} is a silence timeout, reset by every byte, so a
 * head trickled a byte at a time is never cut off.
 * <p>
 * <b>Request head.</b> Tomcat reads a head without blocking: when only part of it has
 * arrived, {@link #service} returns {@link SocketState#LONG} and the socket waits in the
 * poller for more, with the head's first byte recorded as the request's start time. This
 * processor then schedules one task at the head's deadline on Tomcat's utility executor;
 * if the head is still incomplete then, the task dispatches the socket to a worker as if
 * bytes had come, and {@link #service} answers 408 and closes the connection instead of
 * reading on. A head that completes in time cancels the task, and a head that arrives in
 * one read (nearly all of them) never schedules one. The same check runs whenever more
 * bytes of a late head arrive, so a trickling client is cut off on its next byte even if
 * the task has not run yet.
 * <p>
 * <b>Response write.</b> Tomcat's blocking writes already give up after the socket's
 * write timeout without progress (it resets whenever the client takes bytes), which
 * Tomcat sets to {@code connectionTimeout}; this processor sets it to the response-write
 * timeout and counts the timeouts it sees: a {@link SocketTimeoutException} behind an
 * error of a response already committed.
 */
class DeadlineProcessor extends Http11Processor {

	private static final long NONE = -1;

	private final ConnectionDeadlines deadlines;

	private final ScheduledExecutorService timer;

	private final long headTimeoutNanos;

	private final long writeTimeoutMillis;

	/** The start ({@link System#nanoTime()}) of the incomplete head, or {@link #NONE}. */
	private volatile long headStarted = NONE;

	/** The connection whose head {@link #headStarted} times. */
	private volatile SocketWrapperBase<?> headSocket;

	private ScheduledFuture<?> expiry;

	private boolean writeTimeoutCounted;

	DeadlineProcessor(AbstractHttp11Protocol<?> protocol, Adapter adapter, ConnectionDeadlines deadlines,
			ScheduledExecutorService timer) {
		super(protocol, adapter);
		this.deadlines = deadlines;
		this.timer = timer;
		this.headTimeoutNanos = deadlines.requestHeadTimeout().toNanos();
		this.writeTimeoutMillis = Math.max(1, deadlines.responseWriteTimeout().toMillis());
	}

	@Override
	public SocketState service(SocketWrapperBase<?> socket) throws IOException {
		socket.setWriteTimeout(this.writeTimeoutMillis);
		this.writeTimeoutCounted = false;
		if (socket != this.headSocket) {
			// A processor is recycled from one connection to the next without a hook to
			// clear it: forget the last connection's head here.
			cancelExpiry();
			this.headStarted = NONE;
			this.headSocket = socket;
		}
		long started = this.headStarted;
		if (started != NONE && System.nanoTime() - started >= this.headTimeoutNanos) {
			return headTimedOut(socket);
		}
		SocketState state = super.service(socket);
		long headStart = this.request.getStartTimeNanos();
		if (state == SocketState.LONG && !isAsync() && !isUpgrade() && headStart != NONE) {
			// Part of a head has arrived, and Tomcat waits for the rest.
			if (headStart != started) {
				cancelExpiry();
				this.headStarted = headStart;
				long left = Math.max(0, this.headTimeoutNanos - (System.nanoTime() - headStart));
				this.expiry = this.timer.schedule(() -> expire(socket, headStart), left, TimeUnit.NANOSECONDS);
			}
		}
		else {
			cancelExpiry();
			this.headStarted = NONE;
		}
		return state;
	}

	@Override
	protected void setErrorState(ErrorState errorState, Throwable failure) {
		if (!this.writeTimeoutCounted && this.response.isCommitted() && causedByTimeout(failure)) {
			this.writeTimeoutCounted = true;
			this.deadlines.writeTimedOut();
		}
		super.setErrorState(errorState, failure);
	}

	private SocketState headTimedOut(SocketWrapperBase<?> socket) {
		cancelExpiry();
		this.headStarted = NONE;
		this.deadlines.headTimedOut();
		byte[] answer = this.deadlines.headTimeoutAnswer();
		try {
			socket.write(true, answer, 0, answer.length);
			socket.flush(true);
		}
		catch (IOException ex) {
			// The client is gone or not reading: closing is all that is left.
		}
		return SocketState.CLOSED;
	}

	/**
	 * Runs on Tomcat's utility executor at a head's deadline: if that head is still
	 * incomplete, hand the socket to a worker, which runs {@link #service} under the
	 * socket's lock, so never at the same time as a read of more bytes.
	 */
	private void expire(SocketWrapperBase<?> socket, long headStart) {
		if (this.headSocket == socket && this.headStarted == headStart && !socket.isClosed()) {
			socket.processSocket(SocketEvent.OPEN_READ, true);
		}
	}

	private void cancelExpiry() {
		ScheduledFuture<?> scheduled = this.expiry;
		if (scheduled != null) {
			scheduled.cancel(false);
			this.expiry = null;
		}
	}

	private static boolean causedByTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
