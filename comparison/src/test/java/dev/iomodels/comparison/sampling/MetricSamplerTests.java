package dev.iomodels.comparison.sampling;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import dev.iomodels.harness.PrometheusScrape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reads two scrapes recorded from the loom service, one while requests were waiting on
 * their emulated latency and one a moment later.
 */
class MetricSamplerTests {

	private static final ProcessStatus KERNEL = new ProcessStatus(512 * 1024 * 1024, 41);

	private static final MachineCpu MACHINE = new MachineCpu(1234.5, 56.7);

	@Test
	void jvmFiguresComeFromThePrometheusScrapeAndKernelFiguresFromProc() throws IOException {
		MetricSample sample = MetricSampler.toSample(1.0, recorded("loom-scrape-2.txt"), KERNEL, MACHINE, Double.NaN);

		assertThat(sample.heapUsedBytes()).isEqualTo(164_776_976);
		assertThat(sample.nonHeapUsedBytes()).isEqualTo(64_368_640);
		assertThat(sample.platformThreads()).isEqualTo(23);
		assertThat(sample.cpuSeconds()).isCloseTo(8.43, within(1e-9));
		assertThat(sample.machineBusySeconds()).isEqualTo(1234.5);
		assertThat(sample.loadGeneratorCpuSeconds()).isEqualTo(56.7);
		assertThat(sample.rssBytes()).isEqualTo(512 * 1024 * 1024);
		assertThat(sample.osThreads()).isEqualTo(41);
	}

	@Test
	void virtualThreadsAreTheMountedAndTheQueuedOnesTogether() throws IOException {
		MetricSample sample = MetricSampler.toSample(1.0, recorded("loom-scrape-2.txt"), KERNEL, MACHINE, Double.NaN);

		assertThat(sample.virtualThreads()).isEqualTo(2 + 14);
		assertThat(sample.inFlightRequests()).isEqualTo(1);
	}

	@Test
	void requestsServedAddUpEveryStatusAndRouteOfTheApi() throws IOException {
		MetricSample earlier = MetricSampler.toSample(1.0, recorded("loom-scrape-2.txt"), KERNEL, MACHINE, Double.NaN);
		MetricSample later = MetricSampler.toSample(2.0, recorded("loom-scrape-3.txt"), KERNEL, MACHINE, Double.NaN);

		assertThat(earlier.requestsServed()).isEqualTo(18);
		assertThat(later.requestsServed()).isEqualTo(70);
		assertThat(CounterIncrease.between(earlier.cpuSeconds(), later.cpuSeconds())).isCloseTo(0.35, within(1e-9));
	}

	@Test
	void aCollectorThatHasNotPausedYetHasPausedZeroTimes() throws IOException {
		MetricSample sample = MetricSampler.toSample(1.0, recorded("loom-scrape-2.txt"), KERNEL, MACHINE, Double.NaN);

		assertThat(sample.gcPauses()).isZero();
		assertThat(sample.gcPauseSeconds()).isZero();
	}

	@Test
	void theManagementPortsOwnRequestsAreNoLoad() {
		PrometheusScrape scrape = PrometheusScrape.parse("""
				http_server_requests_seconds_count{method="GET",status="200",uri="/api/v1/objects/{key}"} 10
				http_server_requests_seconds_count{method="GET",status="200",uri="/actuator/prometheus"} 99
				""");

		assertThat(MetricSampler.toSample(0, scrape, KERNEL, MACHINE, Double.NaN).requestsServed()).isEqualTo(10);
	}

	@Test
	void aServiceWithoutVirtualThreadMetricsHasThemUnmeasured() {
		PrometheusScrape scrape = PrometheusScrape.parse("jvm_threads_live_threads 37.0\n");

		MetricSample sample = MetricSampler.toSample(0, scrape, KERNEL, MACHINE, Double.NaN);

		assertThat(sample.virtualThreads()).isNaN();
		assertThat(sample.platformThreads()).isEqualTo(37);
	}

	@Test
	void theMachinesBusyTimeAddsUpEveryKindOfWorkButIdleAndWaitingForDisk() {
		// user 1000, nice 20, system 300, idle 9000, iowait 50, irq 5, softirq 15, steal
		// 10 ticks
		String stat = "cpu  1000 20 300 9000 50 5 15 10 0 0\ncpu0 500 10 150 4500 25 2 7 5 0 0\n";

		assertThat(MachineCpu.busySeconds(stat)).isCloseTo(13.5, within(1e-9));
	}

	@Test
	void bothCpuCountersCanBeReadOnThisMachine() {
		MachineCpu cpu = MachineCpu.read();

		assertThat(cpu.loadGeneratorSeconds()).isPositive();
		if (System.getProperty("os.name").startsWith("Linux")) {
			assertThat(cpu.machineBusySeconds()).isPositive();
		}
	}

	private static PrometheusScrape recorded(String name) throws IOException {
		try (InputStream in = MetricSamplerTests.class.getResourceAsStream(name)) {
			return PrometheusScrape.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

}
