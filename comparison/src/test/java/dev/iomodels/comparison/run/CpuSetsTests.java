package dev.iomodels.comparison.run;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CpuSetsTests {

	@Test
	void belowFourCoresTheServicesAndTheLoadGeneratorShareEveryCpu() {
		assertThat(CpuSets.defaultFor(2)).isEqualTo(CpuSets.SHARED);
		assertThat(CpuSets.defaultFor(3)).isEqualTo(CpuSets.SHARED);
	}

	@Test
	void fromFourCoresEachSideGetsItsOwnHalf() {
		assertThat(CpuSets.defaultFor(4)).isEqualTo(new CpuSets(Optional.of("0-1"), Optional.of("2-3")));
		assertThat(CpuSets.defaultFor(16)).isEqualTo(new CpuSets(Optional.of("0-7"), Optional.of("8-15")));
	}

	@Test
	void listsAreTakenAsTasksetTakesThemCommasIncluded() {
		CpuSets sets = CpuSets.parse("service=0,2,load=1,3");

		assertThat(sets).isEqualTo(new CpuSets(Optional.of("0,2"), Optional.of("1,3")));
		assertThat(CpuSets.count("0-3,8")).isEqualTo(5);
		assertThat(CpuSets.parse("load=1")).isEqualTo(new CpuSets(Optional.empty(), Optional.of("1")));
		assertThat(CpuSets.parse("shared")).isEqualTo(CpuSets.SHARED);
	}

	@Test
	void overlappingSetsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CpuSets.parse("service=0-1,load=1"))
			.withMessageContaining("overlap");
	}

	@Test
	void anythingElseIsRefusedWithTheForm() {
		assertThatIllegalArgumentException().isThrownBy(() -> CpuSets.parse("service=a"))
			.withMessageContaining("service=LIST,load=LIST");
		assertThatIllegalArgumentException().isThrownBy(() -> CpuSets.parse("cores=1"))
			.withMessageContaining("service=LIST,load=LIST");
		assertThatIllegalArgumentException().isThrownBy(() -> CpuSets.parse("service=3-1"))
			.withMessageContaining("goes up");
	}

	@Test
	void theDescriptionSaysWhereEachSideRuns() {
		assertThat(CpuSets.parse("service=0,load=1").describe())
			.isEqualTo("services on CPUs 0, load generator on CPUs 1");
		assertThat(CpuSets.SHARED.describe()).isEqualTo("services and load generator share every CPU");
	}

}
