package dev.iomodels.storage;

import org.junit.jupiter.api.Test;

import static dev.iomodels.storage.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class StorageLimitsTests {

	@Test
	void defaultsAreOneMebibyteObjectsAHundredThousandObjectsAndQuarterGibibyte() {
		assertThat(StorageLimits.DEFAULTS).isEqualTo(new StorageLimits(1_048_576, 100_000, 268_435_456));
	}

	@Test
	void negativeOrZeroObjectLimitsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StorageLimits(-1, 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new StorageLimits(1, 0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new StorageLimits(1, 1, -1));
	}

	@Test
	void objectOfExactlyMaxSizeIsAcceptedAndOneByteMoreIsTooLarge() {
		StorageLimits limits = new StorageLimits(10, 5, 100);
		assertThatNoException().isThrownBy(() -> limits.checkObjectSize(10));
		assertThatNoException().isThrownBy(() -> limits.checkObjectSize(0));
		assertProblem(() -> limits.checkObjectSize(11), ProblemType.PAYLOAD_TOO_LARGE);
	}

	@Test
	void tooLargeRefusalTellsTheLimit() {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> {
			throw StorageLimits.tooLarge(1234);
		})
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE))
			.satisfies((ex) -> assertThat(ex.detail()).contains("1234"));
	}

}
