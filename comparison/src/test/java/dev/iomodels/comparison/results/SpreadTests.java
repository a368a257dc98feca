package dev.iomodels.comparison.results;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadTests {

	@Test
	void theRangeOfSomeValuesGoesFromTheSmallestToTheLargestLeavingOutUnmeasuredOnes() {
		assertThat(Spread.of(5, Double.NaN, 2, 9)).isEqualTo(new Spread(2, 9));
		assertThat(Spread.of(Double.NaN)).isEqualTo(Spread.NONE);
	}

	@Test
	void rangesThatShareAValueOverlap() {
		assertThat(new Spread(1, 5).overlaps(new Spread(5, 9))).isTrue();
		assertThat(new Spread(1, 5).overlaps(new Spread(2, 3))).isTrue();
		assertThat(new Spread(1, 5).overlaps(new Spread(5.1, 9))).isFalse();
		assertThat(new Spread(1, 5).overlaps(Spread.NONE)).isFalse();
	}

}
