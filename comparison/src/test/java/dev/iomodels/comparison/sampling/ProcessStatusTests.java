package dev.iomodels.comparison.sampling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessStatusTests {

	@Test
	void residentMemoryIsReadInKibibytesAndThreadsAsCounted() {
		ProcessStatus status = ProcessStatus.parse("""
				Name:	java
				VmPeak:	 4194304 kB
				VmRSS:	  524288 kB
				RssAnon:	  400000 kB
				Threads:	42
				""");

		assertThat(status.rssBytes()).isEqualTo(512.0 * 1024 * 1024);
		assertThat(status.threads()).isEqualTo(42);
	}

	@Test
	void aMissingLineIsNotMeasured() {
		ProcessStatus status = ProcessStatus.parse("Name:\tjava\n");

		assertThat(status.rssBytes()).isNaN();
		assertThat(status.threads()).isNaN();
	}

	@Test
	void thisProcessHasAStatusOnLinux() {
		if (!System.getProperty("os.name").startsWith("Linux")) {
			return;
		}
		assertThat(ProcessStatus.read(ProcessHandle.current().pid())).hasValueSatisfying((status) -> {
			assertThat(status.rssBytes()).isPositive();
			assertThat(status.threads()).isPositive();
		});
	}

}
