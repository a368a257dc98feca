package dev.iomodels.webflux.system;

import java.net.SocketAddress;
import java.util.Set;
import java.util.function.BiFunction;

import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.Problems;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.RequestPaths;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.ChannelPipelineConfigurer;
import reactor.netty.ConnectionObserver;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Makes Reactor Netty refuse a request it cannot decode the way Tomcat does, so that the
 * three services answer bad HTTP alike. Reactor Netty answers a decoding failure itself,
 * before any route or filter, with an empty 400, 414 (request line too long) or 431
 * (headers too large); Tomcat answers all of them with 400, with the API's problem when
 * it got as far as the request's path, and with an empty 400 when not even the request
 * line could be read. This handler sits between Netty's HTTP codec and Reactor Netty's
 * request handling: it notes what the decoder failed on, and rewrites Reactor Netty's
 * answer to Tomcat's. It also refuses, as Tomcat does, an HTTP/1.1 request without a
 * {@code Host} header (RFC 9112 §3.2), which Netty lets through.
 * <p>
 * Everything here runs on the connection's event loop and only looks at objects already
 * decoded: no blocking, and no work at all for a request that decoded well.
 */
final class DecodingFailureProblems implements ChannelPipelineConfigurer {

	private static final String NAME = "iomodels.decodingFailureProblems";

	private final JsonResponses json;

	DecodingFailureProblems(JsonMapper mapper) {
		this.json = new JsonResponses(mapper);
	}

	@Override
	public void onChannelInit(ConnectionObserver observer, Channel channel, SocketAddress remoteAddress) {
		if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(NAME) == null) {
			channel.pipeline().addAfter(NettyPipeline.HttpCodec, NAME, new Handler(this::problem));
		}
	}

	/**
	 * Return the problem Tomcat's error valve writes for a 400 of a request with this
	 * path: the path rule's own problem if the path breaks it, else a malformed request.
	 */
	private byte[] problem(String method, String rawPath) {
		ResponseEntity<ProblemDetail> problem;
		try {
			RequestPaths.check(rawPath);
			problem = Problems.ofFrameworkError(HttpStatus.BAD_REQUEST, method, Set.of(), rawPath);
		}
		catch (ProblemException ex) {
			problem = Problems.of(ex, rawPath);
		}
		return this.json.of(problem).getBody();
	}

	/** One connection's watch; not shared, as it remembers the request being read. */
	static final class Handler extends ChannelDuplexHandler {

		private final BiFunction<String, String, byte[]> problems;

		private boolean failed;

		private boolean lineUnreadable;

		private String method = "GET";

		private String path = "/";

		Handler(BiFunction<String, String, byte[]> problems) {
			this.problems = problems;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			if (msg instanceof HttpRequest request) {
				this.failed = request.decoderResult().isFailure();
				this.lineUnreadable = this.failed
						&& request.decoderResult().cause() instanceof TooLongHttpLineException;
				this.method = request.method().name();
				String uri = request.uri();
				int query = uri.indexOf('?');
				this.path = (query >= 0) ? uri.substring(0, query) : uri;
				if (!this.failed && request.protocolVersion().equals(HttpVersion.HTTP_1_1)
						&& !request.headers().contains(HttpHeaderNames.HOST)) {
					request.setDecoderResult(
							DecoderResult.failure(new IllegalArgumentException("HTTP/1.1 request without Host")));
					this.failed = true;
				}
			}
			else if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
				this.failed = true;
			}
			ctx.fireChannelRead(msg);
		}

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
			if (this.failed && msg instanceof FullHttpResponse response && isDecodingFailureAnswer(response)) {
				this.failed = false;
				ReferenceCountUtil.release(response);
				ctx.write(tomcatsAnswer(response.protocolVersion()), promise);
				return;
			}
			super.write(ctx, msg, promise);
		}

		private static boolean isDecodingFailureAnswer(FullHttpResponse response) {
			int status = response.status().code();
			return (status == 400 || status == 414 || status == 431) && response.content().readableBytes() == 0;
		}

		private FullHttpResponse tomcatsAnswer(HttpVersion version) {
			byte[] body = this.lineUnreadable ? new byte[0] : this.problems.apply(this.method, this.path);
			FullHttpResponse answer = new DefaultFullHttpResponse(version, HttpResponseStatus.BAD_REQUEST,
					Unpooled.wrappedBuffer(body));
			if (body.length > 0) {
				answer.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
			}
			answer.headers()
				.set(HttpHeaderNames.CONTENT_LENGTH, body.length)
				.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
			return answer;
		}

	}

}
