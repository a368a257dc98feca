package dev.iomodels.comparison.results;

import dev.iomodels.comparison.LoadStats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTests {

	@Test
	void aSuccessRateWithAnyFailureNeverReadsAHundredPercent() {
		assertThat(Format.successRate(new LoadStats(99_999, 1, 1000, 1, 2, 3, 4, 5, 0))).isEqualTo("99.99 %");
		assertThat(Format.successRate(new LoadStats(999_999, 1, 1000, 1, 2, 3, 4, 5, 0))).isEqualTo("99.99 %");
	}

	@Test
	void aCleanRunReadsAHundredPercentAndARunThatSentNothingZero() {
		assertThat(Format.successRate(new LoadStats(10, 0, 1, 1, 2, 3, 4, 5, 0))).isEqualTo("100 %");
		assertThat(Format.successRate(StepResult.NOTHING_SENT)).isEqualTo("0 %");
	}

	@Test
	void everyThroughputFigureCarriesItsSuccessRate() {
		assertThat(Format.throughput(new LoadStats(3, 1, 1234.56, 1, 2, 3, 4, 5, 0)))
			.isEqualTo("1,234.6 req/s (75 % ok)");
	}

	@Test
	void responseTimesReadAsGatlingReportsThem() {
		assertThat(Format.millis(103)).isEqualTo("103 ms");
		assertThat(Format.millis(62.000000001)).isEqualTo("62 ms");
		assertThat(Format.millis(0.5)).isEqualTo("0.5 ms");
		assertThat(Format.millis(Double.NaN)).isEqualTo("–");
	}

	@Test
	void bytesReadInMebibytes() {
		assertThat(Format.mebibytes(512.0 * 1024 * 1024)).isEqualTo("512.0 MiB");
	}

	@Test
	void axisNumbersTakeOnlyTheDecimalsTheyNeed() {
		assertThat(Format.number(2000)).isEqualTo("2,000");
		assertThat(Format.number(2.5)).isEqualTo("2.5");
		assertThat(Format.number(0.25)).isEqualTo("0.25");
	}

}
