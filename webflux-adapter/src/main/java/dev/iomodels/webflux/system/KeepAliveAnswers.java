package dev.iomodels.webflux.system;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import reactor.netty.ChannelPipelineConfigurer;
import reactor.netty.ConnectionObserver;
import reactor.netty.NettyPipeline;

/**
 * Answers a request that asks for {@code Connection: keep-alive} the way Tomcat does:
 * when the connection stays open, the response says so, with {@code Connection:
 * keep-alive} and {@code Keep-Alive: timeout=<keep-alive timeout in seconds>}. Reactor
 * Netty keeps such a connection open (an HTTP/1.0 one too, as RFC 9112 §9.3 allows) but
 * answers with HTTP/1.1's default and no {@code Connection} header, which an HTTP/1.0
 * client (ApacheBench's {@code ab -k}) takes for the end of the connection: it opened a
 * new one for every request.
 * <p>
 * It sits behind Reactor Netty's HTTP traffic handler, so it marks a response before that
 * handler decides whether the connection persists: an HTTP/1.0 response without the
 * header would make it close the connection. The traffic handler still closes when it
 * must (a response whose length only the close can tell, or the keep-alive request limit
 * reached), and then says {@code Connection: close}. A response that already says
 * {@code close} is left alone. Requests are answered in order, so a queue pairs them with
 * their responses; informational responses ({@code 100 Continue}) are not answers.
 */
final class KeepAliveAnswers implements ChannelPipelineConfigurer {

	static final String NAME = "iomodels.keepAliveAnswers";

	private final String keepAlive;

	KeepAliveAnswers(Duration keepAliveTimeout) {
		this.keepAlive = "timeout=" + keepAliveTimeout.toSeconds();
	}

	@Override
	public void onChannelInit(ConnectionObserver observer, Channel channel, SocketAddress remoteAddress) {
		if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null && channel.pipeline().get(NAME) == null) {
			channel.pipeline().addAfter(NettyPipeline.HttpTrafficHandler, NAME, new Handler(this.keepAlive));
		}
	}

	static final class Handler extends ChannelDuplexHandler {

		private final String keepAlive;

		private final Queue<Boolean> askedForKeepAlive = new ArrayDeque<>();

		Handler(String keepAlive) {
			this.keepAlive = keepAlive;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
			if (msg instanceof HttpRequest request) {
				this.askedForKeepAlive.add(
						request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE, true));
			}
			ctx.fireChannelRead(msg);
		}

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
			if (msg instanceof HttpResponse response
					&& response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
				Boolean asked = this.askedForKeepAlive.poll();
				if (Boolean.TRUE.equals(asked) && !response.headers()
					.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)) {
					response.headers()
						.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE)
						.set(HttpHeaderNames.KEEP_ALIVE, this.keepAlive);
				}
			}
			ctx.write(msg, promise);
		}

	}

}
