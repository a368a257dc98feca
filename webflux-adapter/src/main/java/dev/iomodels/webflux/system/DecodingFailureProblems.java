package dev.iomodels.webflux.system;

import java.net.SocketAddress;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.Problems;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.http.RequestPaths;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
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
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.ChannelPipelineConfigurer;
import reactor.netty.ConnectionObserver;
import reactor.netty.NettyPipeline;

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
 * answer to Tomcat's. It also refuses, as Tomcat does, what Netty lets through: an
 * HTTP/1.1 request without exactly one {@code Host} header (RFC 9112 §3.2), a method that
 * is not a token, and a transfer coding other than {@code chunked}.
 * <p>
 * Everything here runs on the connection's event loop and only looks at objects already
 * decoded: no blocking, and no work at all for a request that decoded well.
 */
final class DecodingFailureProblems implements ChannelPipelineConfigurer {

	private static final String NAME = "iomodels.decodingFailureProblems";

	private static final String LINES = "iomodels.requestLines";

	private final JsonResponses json;

	private final int maxHeadSize;

	/**
	 * Create the rewriting.
	 * @param json the JSON writer of the problems
	 * @param maxHeadSize the head budget
	 * ({@code iomodels.server.max-request-header-size}), which Tomcat applies to the
	 * request line and headers together and Netty's decoder to each apart
	 */
	DecodingFailureProblems(JsonResponses json, int maxHeadSize) {
		this.json = json;
		this.maxHeadSize = maxHeadSize;
	}

	@Override
	public void onChannelInit(ConnectionObserver observer, Channel channel, SocketAddress remoteAddress) {
		if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(NAME) == null) {
			Handler handler = new Handler(this::problem, this.maxHeadSize);
			channel.pipeline().addBefore(NettyPipeline.HttpCodec, LINES, handler.lines);
			channel.pipeline().addAfter(NettyPipeline.HttpCodec, NAME, handler);
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

		private final int maxHeadSize;

		private boolean failed;

		private boolean lineUnreadable;

		private String method = "GET";

		private String path = "/";

		/** In front of the codec: the raw request line of each head. */
		final RequestLines lines = new RequestLines();

		/** Whether a request was decoded and its body has not ended yet. */
		private boolean inMessage;

		Handler(BiFunction<String, String, byte[]> problems, int maxHeadSize) {
			this.problems = problems;
			this.maxHeadSize = maxHeadSize;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			if (msg instanceof HttpRequest request) {
				this.failed = request.decoderResult().isFailure();
				// Netty stands a placeholder request (/bad-request) in for a request line
				// it could not parse, an illegal method for one: Tomcat answers those
				// with a bare 400, having no path to report.
				this.lineUnreadable = this.failed
						&& (request.decoderResult().cause() instanceof TooLongHttpLineException
								|| "/bad-request".equals(request.uri()));
				this.method = request.method().name();
				String uri = request.uri();
				int query = uri.indexOf('?');
				this.path = (query >= 0) ? uri.substring(0, query) : uri;
				String line = this.lines.take();
				this.inMessage = true;
				TomcatReading reading = (line != null) ? TomcatReading.of(line) : TomcatReading.AGREE;
				if (reading != TomcatReading.AGREE) {
					// Whitespace other than SP in the request line, which Netty takes for
					// a
					// separator and Tomcat refuses (RFC 9112 §3 allows either).
					request.setDecoderResult(
							DecoderResult.failure(new IllegalArgumentException("Tomcat refuses this request line")));
					this.failed = true;
					this.lineUnreadable = reading == TomcatReading.UNREADABLE;
					if (reading.method != null) {
						this.method = reading.method;
						this.path = reading.path;
					}
				}
				if (!this.failed) {
					String refusal = tomcatRefuses(request, this.maxHeadSize);
					if (refusal != null) {
						request.setDecoderResult(DecoderResult.failure(new IllegalArgumentException(refusal)));
						this.failed = true;
						this.lineUnreadable = !isToken(this.method);
					}
				}
			}
			if (msg instanceof LastHttpContent) {
				this.inMessage = false;
			}
			if (msg instanceof HttpObject object && !(msg instanceof HttpRequest)
					&& object.decoderResult().isFailure()) {
				// A body that breaks off (a chunk size that is not a number, say).
				// Reactor Netty would end the body there as if it were complete, and
				// the partial object would be stored while the client is told 400.
				// Answer here instead, as Tomcat does, and close: the body then fails
				// with the connection, so nothing is stored.
				ReferenceCountUtil.release(msg);
				this.failed = false;
				ctx.writeAndFlush(tomcatsAnswer(HttpVersion.HTTP_1_1)).addListener(ChannelFutureListener.CLOSE);
				return;
			}
			ctx.fireChannelRead(msg);
		}

		/**
		 * In front of the codec, the raw first line of each head, up to the budget: the
		 * bytes that arrive between requests, up to the first LF. (The first line of a
		 * head that arrives in the same read as the end of the previous request is not
		 * recorded, and that request is left to Netty's reading.)
		 */
		final class RequestLines extends ChannelInboundHandlerAdapter {

			private final StringBuilder line = new StringBuilder();

			private boolean complete;

			@Override
			public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
				if (msg instanceof ByteBuf bytes && !Handler.this.inMessage && !this.complete) {
					for (int i = bytes.readerIndex(); i < bytes.writerIndex(); i++) {
						char c = (char) (bytes.getByte(i) & 0xFF);
						if (c == '\n') {
							this.complete = true;
							break;
						}
						if (this.line.length() > Handler.this.maxHeadSize) {
							break;
						}
						this.line.append(c);
					}
				}
				ctx.fireChannelRead(msg);
			}

			/** Return the line recorded for the request just decoded, and start over. */
			String take() {
				String taken = this.complete ? this.line.toString() : null;
				this.line.setLength(0);
				this.complete = false;
				return taken;
			}

		}

		/**
		 * Return why Tomcat refuses a request that Netty decoded, or {@code null}: a
		 * method that is not a token, an HTTP/1.1 request without exactly one
		 * {@code Host}, or a transfer coding other than {@code chunked}, which Tomcat
		 * does not implement; or a head over the budget when its request line and headers
		 * are counted together, as Tomcat counts them (Netty's decoder bounds each
		 * apart).
		 */
		private static String tomcatRefuses(HttpRequest request, int maxHeadSize) {
			if (headSize(request) > maxHeadSize) {
				return "The request line and headers are together larger than the head budget";
			}
			if (!isToken(request.method().name())) {
				return "The method is not a token";
			}
			if (request.method().name().equals("CONNECT")) {
				return "CONNECT is not supported";
			}
			List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
			if (request.protocolVersion().equals(HttpVersion.HTTP_1_1) && hosts.size() != 1) {
				return "An HTTP/1.1 request needs exactly one Host";
			}
			for (String coding : request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING)) {
				for (String part : coding.split(",")) {
					if (!part.strip().equalsIgnoreCase("chunked")) {
						return "Unsupported transfer coding";
					}
				}
			}
			return null;
		}

		/**
		 * Return the size of the head as sent in the usual form ({@code Name: value} and
		 * CRLF after each line): what Tomcat counts against its budget. Whitespace a
		 * client pads around values is not in it, which matters only for a head within a
		 * few bytes of the budget.
		 */
		static long headSize(HttpRequest request) {
			long size = request.method().name().length() + 1 + request.uri().length() + 1
					+ request.protocolVersion().text().length() + 2;
			Iterator<Map.Entry<CharSequence, CharSequence>> headers = request.headers().iteratorCharSequence();
			while (headers.hasNext()) {
				Map.Entry<CharSequence, CharSequence> header = headers.next();
				size += header.getKey().length() + 2 + header.getValue().length() + 2;
			}
			return size + 2;
		}

		private static boolean isToken(String value) {
			if (value.isEmpty()) {
				return false;
			}
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
						|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0)) {
					return false;
				}
			}
			return true;
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

	/**
	 * How Tomcat's parser reads a raw request line where Netty's reads it otherwise:
	 * Netty takes HTAB, VT, FF and a bare CR for the SP between the parts (RFC 9112 §3
	 * allows it), Tomcat only HTAB. Tomcat refuses a method or target with any of the
	 * others in it with a bare 400, having no path to report, and a protocol that is not
	 * {@code HTTP/1.1} or {@code HTTP/1.0} with a 400 for the path it read.
	 */
	static final class TomcatReading {

		static final TomcatReading AGREE = new TomcatReading(null, null);

		static final TomcatReading UNREADABLE = new TomcatReading(null, null);

		final String method;

		final String path;

		private TomcatReading(String method, String path) {
			this.method = method;
			this.path = path;
		}

		/**
		 * Read a request line as Tomcat does.
		 * @param raw the line as received, without its LF
		 * @return {@link #AGREE} where Tomcat reads it as Netty does,
		 * {@link #UNREADABLE}, or a refusal that names the method and path
		 */
		static TomcatReading of(String raw) {
			int end = raw.length();
			if (end > 0 && raw.charAt(end - 1) == '\r') {
				end--;
			}
			int i = 0;
			while (i < end && !isSeparator(raw.charAt(i))) {
				if (!isTokenChar(raw.charAt(i))) {
					return UNREADABLE;
				}
				i++;
			}
			if (i == 0 || i == end) {
				return AGREE;
			}
			String method = raw.substring(0, i);
			while (i < end && isSeparator(raw.charAt(i))) {
				i++;
			}
			int target = i;
			while (i < end && !isSeparator(raw.charAt(i))) {
				char c = raw.charAt(i);
				if (c == 0x0B || c == 0x0C || c == '\r') {
					return UNREADABLE;
				}
				i++;
			}
			String uri = raw.substring(target, i);
			while (i < end && isSeparator(raw.charAt(i))) {
				i++;
			}
			String protocol = raw.substring(i, end);
			if (protocol.isEmpty() || protocol.equals("HTTP/1.1") || protocol.equals("HTTP/1.0")) {
				return AGREE;
			}
			int query = uri.indexOf('?');
			return new TomcatReading(method, (query >= 0) ? uri.substring(0, query) : uri);
		}

		private static boolean isSeparator(char c) {
			return c == ' ' || c == '\t';
		}

		private static boolean isTokenChar(char c) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
		}

	}

}
