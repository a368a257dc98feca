package dev.iomodels.loom;

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
 * What makes this service "loom": the same MVC code, but each request runs on a virtual
 * thread, so requests waiting for storage hold no platform thread at all, where
 * classic-service holds one per waiting request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "storage.emulated-latency=200ms", "management.server.port=0" })
class VirtualThreadRequestTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ObjectStore store;

	@Test
	void requestsWaitingForStorageHoldNoPlatformThread() throws Exception {
		this.store.put(ObjectKey.of("loom-probe"), new byte[] { 1 }, "application/octet-stream", Preconditions.NONE);

		ConcurrentLoad.Result result = ConcurrentLoad.getConcurrently(
				URI.create("http://localhost:" + this.port + "/api/v1/objects/loom-probe"), 256, Duration.ofSeconds(60),
				() -> ConcurrentLoad.platformThreadsInside(LatencyEmulatingObjectStore.class));

		assertThat(result.statuses()).hasSize(256).containsOnly(200);
		assertThat(result.maxSample()).isZero();
	}

}
