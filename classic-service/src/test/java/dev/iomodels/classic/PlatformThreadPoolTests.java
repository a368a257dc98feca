package dev.iomodels.classic;

import java.net.URI;
import java.time.Duration;

import dev.iomodels.storage.ObjectKey;
import dev.iomodels.storage.ObjectStore;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.latency.LatencyEmulatingObjectStore;
import dev.iomodels.testing.ConcurrentLoad;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes this service "classic": a request that waits for storage holds a platform
 * thread of Tomcat's pool, so concurrency stops at the pool size. A small pool keeps the
 * test cheap; the figure that matters is that the pool fills and does not grow past it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "storage.emulated-latency=200ms", "server.tomcat.threads.max=16", "management.server.port=0" })
class PlatformThreadPoolTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ObjectStore store;

	@Test
	void requestsWaitingForStorageHoldEveryPlatformThreadOfThePoolAndNoMore() throws Exception {
		this.store.put(ObjectKey.of("pool-probe"), new byte[] { 1 }, "application/octet-stream", Preconditions.NONE);

		ConcurrentLoad.Result result = ConcurrentLoad.getConcurrently(
				URI.create("http://localhost:" + this.port + "/api/v1/objects/pool-probe"), 64, Duration.ofSeconds(60),
				() -> ConcurrentLoad.platformThreadsInside(LatencyEmulatingObjectStore.class));

		assertThat(result.statuses()).hasSize(64).containsOnly(200);
		assertThat(result.maxSample()).isEqualTo(16);
	}

}
