package dev.iomodels.gatling;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LoadParametersTests {

	@Test
	void targetsClassicOnItsDefaultPortByDefault() {
		LoadParameters parameters = LoadParameters.of(Map.of());
		assertThat(parameters.baseUrl()).isEqualTo(URI.create("http://localhost:8081"));
		assertThat(parameters.target()).isEqualTo("classic");
	}

	@Test
	void findsEachTargetOnItsDefaultPort() {
		assertThat(LoadParameters.of(Map.of("target", "loom")).baseUrl()).hasPort(8082);
		assertThat(LoadParameters.of(Map.of("target", "WebFlux")).baseUrl()).hasPort(8083);
	}

	@Test
	void baseUrlWinsOverTarget() {
		LoadParameters parameters = LoadParameters.of(Map.of("target", "loom", "baseUrl", "http://127.0.0.1:41234/"));
		assertThat(parameters.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:41234"));
		assertThat(parameters.target()).isEqualTo("loom");
	}

	@Test
	void rejectsAnUnknownTargetNamingTheChoices() {
		assertThatIllegalArgumentException().isThrownBy(() -> LoadParameters.of(Map.of("target", "tomcat")).baseUrl())
			.withMessageContaining("-Dtarget=tomcat")
			.withMessageContaining("classic, loom or webflux");
	}

	@Test
	void readsDurationsWithOrWithoutUnits() {
		LoadParameters parameters = LoadParameters
			.of(Map.of("a", "30s", "b", "500ms", "c", "2m", "d", "45", "e", "PT1M30S"));
		assertThat(parameters.duration("a", Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
		assertThat(parameters.duration("b", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
		assertThat(parameters.duration("c", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
		assertThat(parameters.duration("d", Duration.ZERO)).isEqualTo(Duration.ofSeconds(45));
		assertThat(parameters.duration("e", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
		assertThat(parameters.duration("unset", Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void readsBinaryDataSizes() {
		LoadParameters parameters = LoadParameters.of(Map.of("payloadSize", "256KiB", "payloadSizes", "1KB, 1MiB,10"));
		assertThat(parameters.dataSize("payloadSize", "1KiB")).isEqualTo(256 * 1024);
		assertThat(parameters.dataSize("unset", "1KiB")).isEqualTo(1024);
		assertThat(parameters.dataSizes("payloadSizes", "1KiB")).containsExactly(1024, 1024 * 1024, 10);
	}

	@Test
	void readsStepsAsAList() {
		assertThat(LoadParameters.of(Map.of("steps", "5, 10")).integers("steps", "1")).isEqualTo(List.of(5, 10));
		assertThat(LoadParameters.of(Map.of()).integers("steps", "50,200")).isEqualTo(List.of(50, 200));
	}

	@Test
	void namesThePropertyThatDoesNotParse() {
		LoadParameters parameters = LoadParameters
			.of(Map.of("users", "many", "steps", "5,0", "readRatio", "120", "stepDuration", "soon"));
		assertThatIllegalArgumentException().isThrownBy(() -> parameters.integer("users", 1))
			.withMessageStartingWith("-Dusers=many is not valid");
		assertThatIllegalArgumentException().isThrownBy(() -> parameters.integers("steps", "1"))
			.withMessageStartingWith("-Dsteps=5,0 is not valid");
		assertThatIllegalArgumentException().isThrownBy(() -> parameters.percent("readRatio", 80))
			.withMessageStartingWith("-DreadRatio=120 is not valid");
		assertThatIllegalArgumentException().isThrownBy(() -> parameters.duration("stepDuration", Duration.ZERO))
			.withMessageStartingWith("-DstepDuration=soon is not valid");
	}

	@Test
	void readsTheObjectiveWithTheSimulationsDefault() {
		assertThat(LoadParameters.of(Map.of()).slo(Duration.ofSeconds(1))).isEqualTo(new Slo(1000, 0));
		assertThat(LoadParameters.of(Map.of("sloP99Ms", "250", "maxErrorPercent", "1.5")).slo(Duration.ofSeconds(1)))
			.isEqualTo(new Slo(250, 1.5));
	}

	@Test
	void isASnapshotOfTheSystemPropertiesWhenCreated() {
		System.setProperty("users", "17");
		try {
			LoadParameters parameters = LoadParameters.fromSystemProperties();
			System.setProperty("users", "18");
			assertThat(parameters.integer("users", 1)).isEqualTo(17);
			assertThat(LoadParameters.fromSystemProperties().integer("users", 1)).isEqualTo(18);
		}
		finally {
			System.clearProperty("users");
		}
	}

}
