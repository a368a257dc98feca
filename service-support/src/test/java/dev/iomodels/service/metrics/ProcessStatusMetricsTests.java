package dev.iomodels.service.metrics;

import java.nio.file.Files;
import java.nio.file.Path;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessStatusMetricsTests {

	private static final String STATUS = """
			Name:	java
			Umask:	0022
			State:	S (sleeping)
			VmPeak:	 4431316 kB
			VmRSS:	  345012 kB
			RssAnon:	  301216 kB
			Threads:	53
			voluntary_ctxt_switches:	5
			""";

	@Test
	void residentMemoryIsReadInKibibytesAndReportedInBytes() {
		assertThat(ProcessStatusMetrics.valueOf(STATUS, "VmRSS:")).hasValue(345012L * 1024);
	}

	@Test
	void threadsAreACount() {
		assertThat(ProcessStatusMetrics.valueOf(STATUS, "Threads:")).hasValue(53);
	}

	@Test
	void aMissingOrMalformedFieldHasNoValue() {
		assertThat(ProcessStatusMetrics.valueOf(STATUS, "VmSwap:")).isEmpty();
		assertThat(ProcessStatusMetrics.valueOf("Threads:\tmany\n", "Threads:")).isEmpty();
	}

	@Test
	void gaugesReadTheStatusFileOnEveryScrape(@TempDir Path directory) throws Exception {
		Path status = directory.resolve("status");
		Files.writeString(status, STATUS);
		MeterRegistry registry = new SimpleMeterRegistry();
		new ProcessStatusMetrics(status).bindTo(registry);
		assertThat(registry.get(ProcessStatusMetrics.THREADS).gauge().value()).isEqualTo(53);

		Files.writeString(status, STATUS.replace("Threads:\t53", "Threads:\t60"));

		assertThat(registry.get(ProcessStatusMetrics.THREADS).gauge().value()).isEqualTo(60);
		assertThat(registry.get(ProcessStatusMetrics.RSS).gauge().value()).isEqualTo(345012.0 * 1024);
	}

	@Test
	void nothingIsRegisteredWithoutAStatusFile(@TempDir Path directory) {
		MeterRegistry registry = new SimpleMeterRegistry();
		new ProcessStatusMetrics(directory.resolve("missing")).bindTo(registry);

		assertThat(registry.getMeters()).isEmpty();
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void thisProcessHasResidentMemoryAndMoreThanOneThread() {
		MeterRegistry registry = new SimpleMeterRegistry();
		new ProcessStatusMetrics().bindTo(registry);

		assertThat(registry.get(ProcessStatusMetrics.RSS).gauge().value()).isGreaterThan(1024 * 1024);
		assertThat(registry.get(ProcessStatusMetrics.THREADS).gauge().value()).isGreaterThan(1);
	}

}
