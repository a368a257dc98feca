package dev.iomodels.webflux.system;

import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.Channel;
import reactor.netty.ChannelPipelineConfigurer;
import reactor.netty.ConnectionObserver;

/**
 * Tomcat's {@code maxConnections} for Reactor Netty, which has no such limit: once
 * {@code max} connections are open the server stops accepting, so new connections wait in
 * the listen backlog (and the kernel refuses them once it is full), and it accepts again
 * as soon as one closes. Without it the event-loop service would take every connection a
 * load generator opens while the Tomcat services make them queue, and the comparison
 * would measure two admission policies instead of two I/O models.
 * <p>
 * A connection is counted when its channel is initialized, right after it is accepted and
 * before it has sent anything, and counted down when it closes; an idle keep-alive
 * connection counts, as in Tomcat. (Not in {@code doOnConnection}: on an HTTP server
 * Reactor Netty calls that once per request, and not at all for a connection that has not
 * sent one yet.) Accepting is paused by turning off auto-read on the server channel,
 * which is what makes Netty call {@code accept()}. Tomcat counts a connection before it
 * accepts the next one; here the count is taken on the new connection's event loop, so
 * under a burst the few connections that the server channel accepted in the same read can
 * pass the limit: it is a ceiling to within that batch, not to the connection.
 */
final class ConnectionLimit implements ChannelPipelineConfigurer {

	private final int max;

	private final AtomicInteger open = new AtomicInteger();

	/**
	 * Create a limit.
	 * @param max the most connections open at once
	 */
	ConnectionLimit(int max) {
		if (max < 1) {
			throw new IllegalArgumentException("The connection limit must be positive: " + max);
		}
		this.max = max;
	}

	@Override
	public void onChannelInit(ConnectionObserver observer, Channel channel, SocketAddress remoteAddress) {
		Channel server = channel.parent();
		if (server == null) {
			// Not an accepted connection.
			return;
		}
		if (this.open.incrementAndGet() >= this.max) {
			updateAccepting(server);
		}
		channel.closeFuture().addListener((closed) -> {
			if (this.open.getAndDecrement() >= this.max) {
				updateAccepting(server);
			}
		});
	}

	/**
	 * Return how many connections are open.
	 * @return the count
	 */
	int openConnections() {
		return this.open.get();
	}

	private void updateAccepting(Channel server) {
		// Connections open and close on different event loops. Deciding on the server
		// channel's own loop, from the count as it is when the task runs, serializes the
		// decisions: the last one always sees the last change, so accepting can neither
		// stay paused below the limit nor stay on at it.
		server.eventLoop().execute(() -> server.config().setAutoRead(this.open.get() < this.max));
	}

}
