package dev.iomodels.service.metrics;

import dev.iomodels.service.IoModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommonTagsTests {

	@Test
	void applicationIsTheServiceNameWithoutItsSuffixAndModelIsTheIoModelsId() {
		assertThat(CommonTags.of("classic-service", IoModel.PLATFORM_THREADS))
			.isEqualTo(new CommonTags("classic", "platform-threads"));
		assertThat(CommonTags.of("loom-service", IoModel.VIRTUAL_THREADS))
			.isEqualTo(new CommonTags("loom", "virtual-threads"));
		assertThat(CommonTags.of("webflux-service", IoModel.EVENT_LOOP))
			.isEqualTo(new CommonTags("webflux", "event-loop"));
	}

	@Test
	void aNameWithoutTheSuffixIsKeptAsItIs() {
		assertThat(CommonTags.of("scratch", IoModel.EVENT_LOOP).application()).isEqualTo("scratch");
	}

	@Test
	void everyMeterOfACustomizedRegistryCarriesBothTags() {
		MeterRegistry registry = new SimpleMeterRegistry();
		CommonTags.of("loom-service", IoModel.VIRTUAL_THREADS).customize(registry);

		Counter counter = registry.counter("anything", "own", "tag");

		assertThat(counter.getId().getTag("application")).isEqualTo("loom");
		assertThat(counter.getId().getTag("model")).isEqualTo("virtual-threads");
		assertThat(counter.getId().getTag("own")).isEqualTo("tag");
	}

}
