package dev.iomodels.comparison.run;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.iomodels.comparison.Environment;
import dev.iomodels.comparison.Machine;
import dev.iomodels.comparison.sampling.MachineCpu;
import dev.iomodels.comparison.sampling.ProcessStatus;
import dev.iomodels.harness.PrometheusScrape;
import dev.iomodels.harness.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code --target}: how a target is named, what the rest of the command line becomes,
 * what the report is told, and how a remote target's figures come from its own meters.
 */
class TargetsTests {

	@Test
	void aTargetIsAServiceAndTheOriginsOfItsApiAndManagementPorts() {
		RemoteTarget target = RemoteTarget.parse("loom=http://10.0.0.5:8082/ignored,management=http://10.0.0.5:9999");
		assertThat(target.service()).isEqualTo(Service.LOOM);
		assertThat(target.api()).isEqualTo(URI.create("http://10.0.0.5:8082"));
		assertThat(target.management()).isEqualTo(URI.create("http://10.0.0.5:9999"));
		// Without management=, the services' own convention: the API port + 1000.
		assertThat(RemoteTarget.parse("webflux-service=http://host:18083").management())
			.isEqualTo(URI.create("http://host:19083"));
		assertThat(RemoteTarget.parse("classic=http://127.0.0.1:18081").onThisMachine()).isTrue();
	}

	@Test
	void aBadTargetIsRefusedWithTheFormInTheMessage() {
		for (String bad : List.of("loom", "=http://h:1", "loom=ftp://h:1", "loom=http://h:1,metrics=http://h:2",
				"loom=not a uri")) {
			assertThatIllegalArgumentException().as(bad)
				.isThrownBy(() -> RemoteTarget.parse(bad))
				.withMessageContaining("NAME=URL[,management=URL]");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> RemoteTarget.parse("tomcat=http://h:1"))
			.withMessageContaining("Unknown service");
	}

	@Test
	void theTargetsChooseTheServicesAndLeaveTheOtherFlagsToCompareOptions() {
		Targets targets = Targets.extract(new String[] { "--target", "webflux=http://h:8083", "--tiny",
				"--target=classic=http://h:8081", "--users", "5" });
		assertThat(targets.remote()).isTrue();
		assertThat(targets.arguments()).containsExactly("--tiny", "--users", "5", "--services", "webflux,classic");
		CompareOptions options = CompareOptions.parse(targets.arguments(), java.time.LocalDateTime.now());
		assertThat(options.services()).containsExactly(Service.WEBFLUX, Service.CLASSIC);
		assertThat(targets.jvmFlags(List.of("-Xmx512m"))).isEmpty();
		Targets none = Targets.extract(new String[] { "--tiny" });
		assertThat(none.remote()).isFalse();
		assertThat(none.arguments()).containsExactly("--tiny");
		assertThat(none.jvmFlags(List.of("-Xmx512m"))).containsExactly("-Xmx512m");
	}

	@Test
	void flagsForServicesTheComparisonStartsAndTwiceTheSameServiceAreRefused() {
		for (String flag : List.of("--services", "--transports", "--backend", "--remote-clients", "--database-url")) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Targets.extract(new String[] { "--target", "loom=http://h:1", flag, "x" }))
				.withMessageContaining(flag);
		}
		assertThatIllegalArgumentException().isThrownBy(
				() -> Targets.extract(new String[] { "--target", "loom=http://a:1", "--target", "loom=http://b:1" }))
			.withMessageContaining("twice");
	}

	@Test
	void theSettingsAndTheReportNameTheRemoteTargets() {
		Targets targets = Targets.extract(new String[] { "--target", "loom=http://127.0.0.1:18082" });
		Map<String, Object> settings = targets.settings(Map.of("profile", "tiny", "backend", "memory"));
		assertThat(settings).containsKey(Environment.REMOTE_TARGETS).doesNotContainKey("backend");
		Environment environment = new Environment("", "", 0, Machine.describe(), "", "", "", "", List.of(), settings,
				List.of(), Map.of());
		assertThat(environment.remoteTargetsNote())
			.hasValueSatisfying((note) -> assertThat(note).contains("loom at http://127.0.0.1:18082 (this machine)")
				.contains("could not be restarted between scenarios or steps")
				.contains("process_memory_rss_bytes"));
		Environment local = new Environment("", "", 0, Machine.describe(), "", "", "", "", List.of(),
				Map.of("profile", "tiny"), List.of(), Map.of());
		assertThat(local.remoteTargetsNote()).isEmpty();
	}

	@Test
	void aRemoteTargetsMemoryThreadsAndMachineCpuComeFromItsOwnMeters(@TempDir Path logs) {
		RemoteService onThisMachine = new RemoteService(RemoteTarget.parse("loom=http://127.0.0.1:18082"),
				HttpClient.newHttpClient(), logs.resolve("loom.log"));
		PrometheusScrape scrape = PrometheusScrape.parse("""
				process_memory_rss_bytes{application="loom"} 3.5E8
				process_threads{application="loom"} 31.0
				system_cpu_usage{application="loom"} 0.5
				system_cpu_count{application="loom"} 2.0
				""");
		assertThat(onThisMachine.processStatus(scrape)).isEqualTo(new ProcessStatus(3.5E8, 31));
		// Half of two cores for two seconds: two seconds of CPU on the target's machine.
		assertThat(onThisMachine.machineCpu(scrape, 1_000_000_000L, 10).machineBusySeconds()).isZero();
		MachineCpu later = onThisMachine.machineCpu(scrape, 3_000_000_000L, 11);
		assertThat(later.machineBusySeconds()).isCloseTo(2.0, within(1e-9));
		assertThat(later.loadGeneratorSeconds()).isEqualTo(11);
		// On another machine, the load generator's CPU is not in the target's figure.
		RemoteService elsewhere = new RemoteService(RemoteTarget.parse("loom=http://192.0.2.1:8082"),
				HttpClient.newHttpClient(), logs.resolve("elsewhere.log"));
		elsewhere.machineCpu(scrape, 1_000_000_000L, 10);
		assertThat(elsewhere.machineCpu(scrape, 3_000_000_000L, 11).machineBusySeconds()).isCloseTo(13.0, within(1e-9));
	}

}
