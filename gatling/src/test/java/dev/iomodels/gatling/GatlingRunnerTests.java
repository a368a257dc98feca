package dev.iomodels.gatling;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class GatlingRunnerTests {

	@Test
	void refusesToRunWithoutTheJvmFlagsGatlingNeedsAndNamesThem(@TempDir Path results) {
		assumeFalse(Object.class.getModule().isOpen("java.lang", GatlingRunner.class.getModule()),
				"this JVM already has the flags");
		assertThatIllegalStateException()
			.isThrownBy(() -> GatlingRunner.run(MixedCrudSimulation.class,
					Map.of("baseUrl", "http://127.0.0.1:9", "users", "1"), results))
			.withMessageContaining("--add-opens=java.base/java.lang=ALL-UNNAMED");
		assertThat(System.getProperty("users")).as("properties restored").isNull();
		assertThat(System.getProperty("https.proxyHost")).as("offline proxy restored").isNull();
	}

	@Test
	void namesTheFlagsForThisJdk() {
		assertThat(GatlingRunner.jvmFlags()).contains("--add-opens=java.base/java.lang=ALL-UNNAMED",
				"--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED");
		if (Runtime.version().feature() >= 23) {
			assertThat(GatlingRunner.jvmFlags()).contains("--sun-misc-unsafe-memory-access=allow");
		}
		else {
			assertThat(GatlingRunner.jvmFlags()).doesNotContain("--sun-misc-unsafe-memory-access=allow");
		}
	}

}
