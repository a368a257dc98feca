package dev.iomodels.webflux.system;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How responses are marked kept alive for the requests that ask, on a channel with
 * Netty's decoder and the handler.
 */
class KeepAliveAnswersTests {

	private final EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestDecoder(),
			new KeepAliveAnswers.Handler("timeout=20"));

	@AfterEach
	void close() {
		this.channel.finishAndReleaseAll();
	}

	@Test
	void anHttp10RequestAskingForKeepAliveIsToldItIsKept() {
		FullHttpResponse answer = answer("GET /x HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
				new DefaultFullHttpResponse(HttpVersion.HTTP_1_0, HttpResponseStatus.OK));
		assertThat(answer.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("keep-alive");
		assertThat(answer.headers().get(HttpHeaderNames.KEEP_ALIVE)).isEqualTo("timeout=20");
		ReferenceCountUtil.release(answer);
	}

	@Test
	void aRequestThatDoesNotAskGetsNoKeepAliveHeaders() {
		FullHttpResponse answer = answer("GET /x HTTP/1.1\r\nHost: x\r\n\r\n",
				new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
		assertThat(answer.headers().contains(HttpHeaderNames.CONNECTION)).isFalse();
		assertThat(answer.headers().contains(HttpHeaderNames.KEEP_ALIVE)).isFalse();
		ReferenceCountUtil.release(answer);
	}

	@Test
	void aResponseThatClosesTheConnectionIsLeftAlone() {
		DefaultFullHttpResponse closing = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.BAD_REQUEST);
		closing.headers().set(HttpHeaderNames.CONNECTION, "close");
		FullHttpResponse answer = answer("GET /x HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", closing);
		assertThat(answer.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
		assertThat(answer.headers().contains(HttpHeaderNames.KEEP_ALIVE)).isFalse();
		ReferenceCountUtil.release(answer);
	}

	@Test
	void aContinueIsNotTakenForTheAnswer() {
		this.channel.writeInbound(Unpooled.copiedBuffer(
				"PUT /x HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nx",
				StandardCharsets.ISO_8859_1));
		releaseInbound();
		this.channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
		FullHttpResponse interim = this.channel.readOutbound();
		assertThat(interim.headers().contains(HttpHeaderNames.KEEP_ALIVE)).isFalse();
		ReferenceCountUtil.release(interim);
		this.channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CREATED));
		FullHttpResponse answer = this.channel.readOutbound();
		assertThat(answer.headers().get(HttpHeaderNames.KEEP_ALIVE)).isEqualTo("timeout=20");
		ReferenceCountUtil.release(answer);
	}

	private FullHttpResponse answer(String request, FullHttpResponse response) {
		this.channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
		releaseInbound();
		this.channel.writeOutbound(response);
		return this.channel.readOutbound();
	}

	private void releaseInbound() {
		Object decoded;
		while ((decoded = this.channel.readInbound()) != null) {
			ReferenceCountUtil.release(decoded);
		}
	}

}
