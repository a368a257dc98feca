package dev.iomodels.comparison.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --cpus} reaches the processes: read back from the kernel, not from the command
 * line that asked for it.
 */
class CpuPinningIT {

	@Test
	void aServiceStartedOnACpuSetRunsOnlyThere() throws Exception {
		Path root = Path.of(System.getProperty("project.root")).toAbsolutePath().normalize();
		Service control = Service.CLASSIC_CONTROL;
		try (ServiceProcess running = ServiceProcess.start(control,
				control.jar(root, System.getProperty("project.version")), List.of("-Xmx256m"), Map.of(),
				Path.of("target", "cpu-pinning-logs"), Optional.of("0"))) {
			assertThat(CpuSets.allowed(running.pid())).isEqualTo("0");
		}
	}

	@Test
	void aRunningProcessIsPinnedWithEveryThreadItHas() throws Exception {
		Process sleeper = new ProcessBuilder("sleep", "30").start();
		try {
			int last = Runtime.getRuntime().availableProcessors() - 1;
			CpuSets.pin(sleeper.pid(), Integer.toString(last));

			assertThat(CpuSets.allowed(sleeper.pid())).isEqualTo(Integer.toString(last));
		}
		finally {
			sleeper.destroy();
		}
	}

}
