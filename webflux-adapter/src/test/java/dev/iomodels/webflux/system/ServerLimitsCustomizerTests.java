package dev.iomodels.webflux.system;

import java.time.Duration;

import dev.iomodels.service.ServerLimitsProperties;
import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.Test;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerConfig;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the shared server limits land in Reactor Netty's configuration.
 */
class ServerLimitsCustomizerTests {

	private final ServerLimitsProperties limits = new ServerLimitsProperties(100, 256, Duration.ofSeconds(7), 50,
			DataSize.ofKilobytes(16), Duration.ofSeconds(3), 10, DataSize.ofMegabytes(1), Duration.ofMinutes(1),
			Duration.ofSeconds(10), Duration.ofSeconds(20));

	@Test
	void everyLimitIsApplied() {
		HttpServerConfig config = new ServerLimitsCustomizer(this.limits).apply(HttpServer.create()).configuration();
		assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(7));
		assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(config.maxKeepAliveRequests()).isEqualTo(50);
		assertThat(config.decoder().maxHeaderSize()).isEqualTo(16 * 1024);
		assertThat(config.options().get(ChannelOption.SO_BACKLOG)).isEqualTo(256);
		assertThat(config.doOnChannelInit()).isNotNull();
	}

	@Test
	void theRequestLineGetsTheWholeHeadBudgetAndOtherDecoderSettingsAreKept() {
		HttpServer configured = HttpServer.create()
			.httpRequestDecoder((spec) -> spec.maxInitialLineLength(12345).validateHeaders(false));
		HttpServerConfig config = new ServerLimitsCustomizer(this.limits).apply(configured).configuration();
		assertThat(config.decoder().maxInitialLineLength()).isEqualTo(16 * 1024);
		assertThat(config.decoder().validateHeaders()).isFalse();
		assertThat(config.decoder().maxHeaderSize()).isEqualTo(16 * 1024);
	}

	@Test
	void noKeepAliveLimitIsMinusOneAsInTomcat() {
		ServerLimitsProperties unlimited = new ServerLimitsProperties(100, 256, Duration.ofSeconds(7), -1,
				DataSize.ofKilobytes(8), Duration.ofSeconds(3), -1, DataSize.ofBytes(-1), Duration.ofMillis(-1),
				Duration.ofSeconds(10), Duration.ofSeconds(20));
		HttpServerConfig config = new ServerLimitsCustomizer(unlimited).apply(HttpServer.create()).configuration();
		assertThat(config.maxKeepAliveRequests()).isEqualTo(-1);
	}

}
