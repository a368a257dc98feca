package dev.iomodels.service.metrics;

import dev.iomodels.service.IoModel;
import dev.iomodels.service.Transport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommonTagsTests {

	@Test
	void applicationIsTheServiceNameWithoutItsSuffixAndModelAndTransportAreTheirIds() {
		assertThat(CommonTags.of("classic-service", IoModel.PLATFORM_THREADS, Transport.NIO))
			.isEqualTo(new CommonTags("classic", "platform-threads", "nio"));
		assertThat(CommonTags.of("loom-service", IoModel.VIRTUAL_THREADS, Transport.NIO2))
			.isEqualTo(new CommonTags("loom", "virtual-threads", "nio2"));
		assertThat(CommonTags.of("webflux-service", IoModel.EVENT_LOOP, Transport.IO_URING))
			.isEqualTo(new CommonTags("webflux", "event-loop", "io_uring"));
	}

	@Test
	void aNameWithoutTheSuffixIsKeptAsItIs() {
		assertThat(CommonTags.of("scratch", IoModel.EVENT_LOOP, Transport.EPOLL).application()).isEqualTo("scratch");
	}

	@Test
	void everyMeterOfACustomizedRegistryCarriesTheThreeTags() {
		MeterRegistry registry = new SimpleMeterRegistry();
		CommonTags.of("loom-service", IoModel.VIRTUAL_THREADS, Transport.NIO2).customize(registry);

		Counter counter = registry.counter("anything", "own", "tag");

		assertThat(counter.getId().getTag("application")).isEqualTo("loom");
		assertThat(counter.getId().getTag("model")).isEqualTo("virtual-threads");
		assertThat(counter.getId().getTag("transport")).isEqualTo("nio2");
		assertThat(counter.getId().getTag("own")).isEqualTo("tag");
	}

}
