package dev.iomodels.webflux.system;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How Reactor Netty's answers to requests it cannot decode are turned into Tomcat's, on a
 * channel with Netty's decoder and the handler, where Reactor Netty's own answer is
 * written as it would write it.
 */
class DecodingFailureProblemsTests {

	private final EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestDecoder(4096, 4096, 8192),
			new DecodingFailureProblems.Handler(
					(method, path) -> ("problem " + method + " " + path).getBytes(StandardCharsets.UTF_8), 8192));

	@AfterEach
	void close() {
		this.channel.finishAndReleaseAll();
	}

	@Test
	void headersTooLargeAreA400ProblemForThePathInsteadOf431() {
		receive("GET /api/v1/objects/a HTTP/1.1\r\nHost: x\r\nX-Big: " + "v".repeat(5000) + "\r\n\r\n");
		FullHttpResponse answer = answer(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
		assertThat(answer.status().code()).isEqualTo(400);
		assertThat(answer.content().toString(StandardCharsets.UTF_8)).isEqualTo("problem GET /api/v1/objects/a");
		assertThat(answer.headers().get("content-type")).isEqualTo("application/problem+json");
		ReferenceCountUtil.release(answer);
	}

	@Test
	void aRequestLineTooLongIsABare400InsteadOf414() {
		receive("GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
		FullHttpResponse answer = answer(HttpResponseStatus.REQUEST_URI_TOO_LONG);
		assertThat(answer.status().code()).isEqualTo(400);
		assertThat(answer.content().readableBytes()).isZero();
		assertThat(answer.headers().get("connection")).isEqualTo("close");
		ReferenceCountUtil.release(answer);
	}

	@Test
	void anHttp11RequestWithoutHostIsMarkedFailed() {
		assertMarkedFailed("GET /x HTTP/1.1\r\n\r\n");
	}

	@Test
	void anHttp11RequestWithTwoHostsIsMarkedFailed() {
		assertMarkedFailed("GET /x HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
	}

	@Test
	void connectIsMarkedFailed() {
		assertMarkedFailed("CONNECT /x HTTP/1.1\r\nHost: a\r\n\r\n");
	}

	@Test
	void aTransferCodingOtherThanChunkedIsMarkedFailed() {
		assertMarkedFailed("PUT /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n");
	}

	@Test
	void aRequestLineAndHeadersEachUnderTheBudgetButTogetherOverItAreMarkedFailed() {
		// The channel's decoder takes lines up to 4 KiB and headers up to 8 KiB, the
		// handler's budget is 8 KiB for both together, as in Tomcat.
		assertMarkedFailed(
				"GET /" + "a".repeat(4000) + " HTTP/1.1\r\nHost: x\r\nX-Pad: " + "v".repeat(4300) + "\r\n\r\n");
	}

	@Test
	void aHeadOfExactlyTheBudgetIsNotMarkedFailed() {
		String line = "GET /" + "a".repeat(4000) + " HTTP/1.1\r\n";
		String host = "Host: x\r\n";
		String pad = "X-Pad: " + "v".repeat(8192 - line.length() - host.length() - "X-Pad: \r\n\r\n".length());
		String head = line + host + pad + "\r\n\r\n";
		assertThat(head).hasSize(8192);
		EmbeddedChannel service = serviceLikeChannel();
		service.writeInbound(Unpooled.copiedBuffer(head, StandardCharsets.ISO_8859_1));
		HttpRequest request = service.readInbound();
		assertThat(request.decoderResult().isSuccess()).isTrue();
		ReferenceCountUtil.release(request);
		service.finishAndReleaseAll();
	}

	@Test
	void tomcatReadsHtabAsASeparatorLikeNetty() {
		assertThat(DecodingFailureProblems.TomcatReading.of("GET\t/x\tHTTP/1.1\r"))
			.isSameAs(DecodingFailureProblems.TomcatReading.AGREE);
	}

	@Test
	void tomcatCannotReadVtFfOrABareCrInTheMethodOrTarget() {
		for (String line : new String[] { "GET\u000b/x HTTP/1.1", "GET\f/x HTTP/1.1", "GET\r/x HTTP/1.1",
				"GET /x\u000b HTTP/1.1", "GET \f/x HTTP/1.1", "GET \r/x HTTP/1.1" }) {
			assertThat(DecodingFailureProblems.TomcatReading.of(line)).as(line)
				.isSameAs(DecodingFailureProblems.TomcatReading.UNREADABLE);
		}
	}

	@Test
	void tomcatRefusesAProtocolItCannotReadForThePathItRead() {
		for (String line : new String[] { "GET /x?q=1 HTTP/1.1\r\r", "GET /x\tb HTTP/1.1", "GET /x HTTP/1.1\f",
				"GET /x \u000bHTTP/1.1" }) {
			DecodingFailureProblems.TomcatReading reading = DecodingFailureProblems.TomcatReading.of(line);
			assertThat(reading.method).as(line).isEqualTo("GET");
			assertThat(reading.path).as(line).isEqualTo("/x");
		}
	}

	private static EmbeddedChannel serviceLikeChannel() {
		return new EmbeddedChannel(new HttpRequestDecoder(8192, 8192, 8192),
				new DecodingFailureProblems.Handler((method, path) -> new byte[0], 8192));
	}

	private void assertMarkedFailed(String head) {
		this.channel.writeInbound(Unpooled.copiedBuffer(head, StandardCharsets.ISO_8859_1));
		HttpRequest request = this.channel.readInbound();
		assertThat(request.decoderResult().isFailure()).as(head).isTrue();
		ReferenceCountUtil.release(request);
	}

	// The body must fail, not end early: else the part before the break is stored.
	@Test
	void aBrokenChunkedBodyIsAnsweredHereAndTheConnectionClosedSoTheBodyNeverCompletes() {
		this.channel.writeInbound(
				Unpooled.copiedBuffer("PUT /api/v1/objects/k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
						+ "zz\r\nhello\r\n0\r\n\r\n", StandardCharsets.ISO_8859_1));
		HttpRequest request = this.channel.readInbound();
		assertThat(request.decoderResult().isSuccess()).isTrue();
		ReferenceCountUtil.release(request);
		assertThat((Object) this.channel.readInbound()).as("nothing of the broken body is passed on").isNull();
		FullHttpResponse answer = this.channel.readOutbound();
		assertThat(answer.status().code()).isEqualTo(400);
		assertThat(answer.content().toString(StandardCharsets.UTF_8)).isEqualTo("problem PUT /api/v1/objects/k");
		ReferenceCountUtil.release(answer);
		assertThat(this.channel.isOpen()).isFalse();
	}

	@Test
	void aGoodRequestAndItsAnswerPassUntouched() {
		receive("GET /api/v1/info HTTP/1.1\r\nHost: x\r\n\r\n");
		FullHttpResponse sent = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST);
		this.channel.writeOutbound(sent);
		FullHttpResponse answer = this.channel.readOutbound();
		assertThat(answer).isSameAs(sent);
		ReferenceCountUtil.release(answer);
	}

	private void receive(String request) {
		this.channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
		Object decoded;
		while ((decoded = this.channel.readInbound()) != null) {
			ReferenceCountUtil.release(decoded);
		}
	}

	private FullHttpResponse answer(HttpResponseStatus reactorNettysStatus) {
		this.channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, reactorNettysStatus));
		return this.channel.readOutbound();
	}

}
