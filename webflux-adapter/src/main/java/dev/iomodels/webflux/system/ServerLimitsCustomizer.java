package dev.iomodels.webflux.system;

import dev.iomodels.service.ServerLimitsProperties;
import io.netty.channel.ChannelOption;
import reactor.netty.ChannelPipelineConfigurer;
import reactor.netty.http.server.HttpRequestDecoderSpec;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;

/**
 * Applies the shared {@code iomodels.server.*} limits to Reactor Netty, the same limits
 * the MVC services apply to Tomcat.
 * <ul>
 * <li>{@code keepAliveTimeout}: Reactor Netty's idle timeout, which closes a connection
 * that waits this long for its next request (Tomcat's {@code keepAliveTimeout}).</li>
 * <li>{@code connectionTimeout}: Reactor Netty's read timeout, the longest silence
 * between reads of a request's body (Tomcat's {@code connectionTimeout}). While the
 * request head is read, Reactor Netty's idle timeout still watches the connection, so
 * with the defaults, both 20 s, a slow client gets the same time on every server.</li>
 * <li>{@code maxKeepAliveRequests}: the same setting; {@code -1} is no limit in
 * both.</li>
 * <li>{@code maxRequestHeaderSize}: the decoder's {@code maxHeaderSize}, and its
 * {@code maxInitialLineLength} too: Netty bounds the request line separately (4 KiB by
 * default) where Tomcat counts it in the same budget, so a request line up to the budget
 * is read by both. (A line and headers each under the budget but together over it are
 * refused by {@link DecodingFailureProblems}, as by Tomcat.)
 * {@link DecodingFailureProblems} answers what exceeds the budget as Tomcat does.</li>
 * <li>{@code acceptBacklog}: {@code SO_BACKLOG} of the listening socket (Tomcat's
 * {@code acceptCount}).</li>
 * <li>{@code maxConnections}: {@link ConnectionLimit}, since Reactor Netty has none of
 * its own.</li>
 * <li>{@code requestHeadTimeout}, {@code responseWriteTimeout}:
 * {@link ConnectionDeadlineHandlers}, given with the other per-connection handlers
 * ({@link DecodingFailureProblems}, {@link KeepAliveAnswers}).</li>
 * </ul>
 */
final class ServerLimitsCustomizer implements NettyServerCustomizer {

	private final ServerLimitsProperties limits;

	private final ConnectionLimit connectionLimit;

	private final ChannelPipelineConfigurer handlers;

	ServerLimitsCustomizer(ServerLimitsProperties limits) {
		this(limits, new ConnectionLimit(limits.maxConnections()), null);
	}

	ServerLimitsCustomizer(ServerLimitsProperties limits, ConnectionLimit connectionLimit,
			ChannelPipelineConfigurer handlers) {
		this.limits = limits;
		this.connectionLimit = connectionLimit;
		this.handlers = handlers;
	}

	@Override
	public HttpServer apply(HttpServer server) {
		// httpRequestDecoder starts from a fresh spec, dropping what Boot configured from
		// server.netty.*; carry that over and change only the header size.
		HttpRequestDecoderSpec configured = server.configuration().decoder();
		int maxHeaderSize = Math.toIntExact(this.limits.maxRequestHeaderSize().toBytes());
		return server.idleTimeout(this.limits.keepAliveTimeout())
			.readTimeout(this.limits.connectionTimeout())
			.maxKeepAliveRequests(this.limits.maxKeepAliveRequests())
			.httpRequestDecoder(
					(spec) -> copy(configured, spec).maxHeaderSize(maxHeaderSize).maxInitialLineLength(maxHeaderSize))
			.option(ChannelOption.SO_BACKLOG, this.limits.acceptBacklog())
			.doOnChannelInit((this.handlers != null) ? this.connectionLimit.then(this.handlers) : this.connectionLimit);
	}

	@SuppressWarnings("deprecation")
	private static HttpRequestDecoderSpec copy(HttpRequestDecoderSpec from, HttpRequestDecoderSpec to) {
		return to.maxInitialLineLength(from.maxInitialLineLength())
			.maxHeaderSize(from.maxHeaderSize())
			.maxChunkSize(from.maxChunkSize())
			.validateHeaders(from.validateHeaders())
			.initialBufferSize(from.initialBufferSize())
			.allowDuplicateContentLengths(from.allowDuplicateContentLengths())
			.allowPartialChunks(from.allowPartialChunks())
			.h2cMaxContentLength(from.h2cMaxContentLength());
	}

}
