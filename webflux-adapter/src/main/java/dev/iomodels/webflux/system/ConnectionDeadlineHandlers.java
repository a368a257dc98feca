package dev.iomodels.webflux.system;

import java.net.SocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.iomodels.service.ConnectionDeadlines;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import reactor.netty.ChannelPipelineConfigurer;
import reactor.netty.ConnectionObserver;
import reactor.netty.NettyPipeline;

/**
 * The {@link ConnectionDeadlines} on Reactor Netty, which has neither: its idle and read
 * timeouts are silence timeouts, reset by every byte. Two handlers per connection, both
 * on its event loop, neither blocking:
 * <ul>
 * <li><b>Request head.</b> One handler in front of the HTTP codec sees the raw bytes, one
 * behind it the decoded request. Between requests, the first bytes that arrive start the
 * head's clock; if the decoder has not produced the request once those bytes are decoded,
 * a task is scheduled on the event loop at the deadline, and cancelled when the request
 * comes. If the head is still incomplete when it runs, it counts the timeout, writes
 * {@link ConnectionDeadlines#headTimeoutAnswer()} straight to the socket and closes the
 * connection. A head that arrives in one read, nearly every head, never schedules a task.
 * (A head whose first bytes arrive in the same read as the end of the previous request, a
 * pipelined one, is timed from the next bytes that arrive.)</li>
 * <li><b>Response write.</b> Netty's {@link IdleStateHandler} watching writes, with
 * {@code observeOutput}: when the connection has had bytes waiting to be written and none
 * of them was taken by the client for the write timeout, it counts the timeout and closes
 * the connection, which fails the pending writes and releases their buffers. An idle
 * connection with nothing to write is left to the keep-alive timeout.</li>
 * </ul>
 */
final class ConnectionDeadlineHandlers implements ChannelPipelineConfigurer {

	static final String HEAD_BYTES = "iomodels.requestHeadBytes";

	static final String HEAD_MESSAGES = "iomodels.requestHeadMessages";

	static final String STALLED_WRITES = "iomodels.stalledWrites";

	private final ConnectionDeadlines deadlines;

	ConnectionDeadlineHandlers(ConnectionDeadlines deadlines) {
		this.deadlines = deadlines;
	}

	@Override
	public void onChannelInit(ConnectionObserver observer, Channel channel, SocketAddress remoteAddress) {
		if (channel.pipeline().get(NettyPipeline.HttpCodec) == null || channel.pipeline().get(HEAD_BYTES) != null) {
			return;
		}
		HeadWatch watch = new HeadWatch(this.deadlines);
		channel.pipeline().addBefore(NettyPipeline.HttpCodec, HEAD_BYTES, watch.bytes);
		channel.pipeline().addAfter(NettyPipeline.HttpCodec, HEAD_MESSAGES, watch.messages);
		channel.pipeline().addFirst(STALLED_WRITES, new StalledWrites(this.deadlines));
	}

	/** One connection's request head: its state, and the two handlers that see it. */
	static final class HeadWatch {

		private final ConnectionDeadlines deadlines;

		private final long timeoutNanos;

		final Bytes bytes = new Bytes();

		final Messages messages = new Messages();

		/** Whether part of a head has arrived and the request is not yet decoded. */
		private boolean inHead;

		/** Whether a request's head has been decoded and its body has not yet ended. */
		private boolean inMessage;

		private long headStarted;

		private ScheduledFuture<?> expiry;

		HeadWatch(ConnectionDeadlines deadlines) {
			this.deadlines = deadlines;
			this.timeoutNanos = deadlines.requestHeadTimeout().toNanos();
		}

		private void cancelExpiry() {
			if (this.expiry != null) {
				this.expiry.cancel(false);
				this.expiry = null;
			}
		}

		private void expire(ChannelHandlerContext ctx, long started) {
			this.expiry = null;
			if (!this.inHead || this.headStarted != started || !ctx.channel().isActive()) {
				return;
			}
			this.inHead = false;
			this.deadlines.headTimedOut();
			ctx.writeAndFlush(Unpooled.wrappedBuffer(this.deadlines.headTimeoutAnswer()))
				.addListener(ChannelFutureListener.CLOSE);
		}

		/** In front of the codec: raw bytes start a head's clock. */
		final class Bytes extends ChannelInboundHandlerAdapter {

			@Override
			public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
				if (msg instanceof ByteBuf buffer && buffer.isReadable() && !HeadWatch.this.inHead
						&& !HeadWatch.this.inMessage) {
					HeadWatch.this.inHead = true;
					HeadWatch.this.headStarted = System.nanoTime();
				}
				ctx.fireChannelRead(msg);
				// The decoder has run on these bytes: if the head is still incomplete,
				// wait
				// for the rest until its deadline, no longer.
				if (HeadWatch.this.inHead && HeadWatch.this.expiry == null) {
					long started = HeadWatch.this.headStarted;
					long left = Math.max(0, HeadWatch.this.timeoutNanos - (System.nanoTime() - started));
					HeadWatch.this.expiry = ctx.executor()
						.schedule(() -> expire(ctx, started), left, TimeUnit.NANOSECONDS);
				}
			}

			@Override
			public void channelInactive(ChannelHandlerContext ctx) throws Exception {
				cancelExpiry();
				ctx.fireChannelInactive();
			}

		}

		/**
		 * Behind the codec: a decoded request ends its head, its last content its body.
		 */
		final class Messages extends ChannelInboundHandlerAdapter {

			@Override
			public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
				if (msg instanceof HttpRequest) {
					HeadWatch.this.inHead = false;
					HeadWatch.this.inMessage = true;
					cancelExpiry();
				}
				if (msg instanceof LastHttpContent) {
					HeadWatch.this.inMessage = false;
				}
				ctx.fireChannelRead(msg);
			}

		}

	}

	/**
	 * Closes a connection whose client has taken none of its pending bytes for the write
	 * timeout. After a flush that leaves bytes waiting (the socket's buffer is full), it
	 * checks four times per timeout whether the client took any (fewer bytes pending, or
	 * progress on the message being written); once it has not for the whole timeout, it
	 * counts and closes. The check stops as soon as nothing is pending.
	 */
	static final class StalledWrites extends ChannelOutboundHandlerAdapter {

		private final ConnectionDeadlines deadlines;

		private final long timeoutNanos;

		private final long periodNanos;

		private ScheduledFuture<?> check;

		private long lastProgress;

		private Object lastMessage;

		private long lastPending;

		private long lastFlushProgress;

		StalledWrites(ConnectionDeadlines deadlines) {
			this.deadlines = deadlines;
			this.timeoutNanos = deadlines.responseWriteTimeout().toNanos();
			this.periodNanos = Math.max(1, this.timeoutNanos / 4);
		}

		@Override
		public void flush(ChannelHandlerContext ctx) throws Exception {
			ctx.flush();
			ChannelOutboundBuffer pending = ctx.channel().unsafe().outboundBuffer();
			if (this.check == null && pending != null && pending.totalPendingWriteBytes() > 0) {
				progressed(pending);
				this.lastProgress = System.nanoTime();
				schedule(ctx);
			}
		}

		private void schedule(ChannelHandlerContext ctx) {
			this.check = ctx.executor().schedule(() -> check(ctx), this.periodNanos, TimeUnit.NANOSECONDS);
		}

		private void check(ChannelHandlerContext ctx) {
			this.check = null;
			ChannelOutboundBuffer pending = ctx.channel().unsafe().outboundBuffer();
			if (!ctx.channel().isActive() || pending == null || pending.totalPendingWriteBytes() == 0) {
				return;
			}
			long now = System.nanoTime();
			if (progressed(pending)) {
				this.lastProgress = now;
			}
			else if (now - this.lastProgress >= this.timeoutNanos) {
				this.deadlines.writeTimedOut();
				ctx.close();
				return;
			}
			schedule(ctx);
		}

		/**
		 * Take a look at the pending bytes, and tell whether they changed since the last.
		 */
		private boolean progressed(ChannelOutboundBuffer pending) {
			Object message = pending.current();
			long bytes = pending.totalPendingWriteBytes();
			long flushed = pending.currentProgress();
			boolean changed = message != this.lastMessage || bytes != this.lastPending
					|| flushed != this.lastFlushProgress;
			this.lastMessage = message;
			this.lastPending = bytes;
			this.lastFlushProgress = flushed;
			return changed;
		}

	}

}
