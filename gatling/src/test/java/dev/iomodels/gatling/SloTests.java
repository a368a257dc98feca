package dev.iomodels.gatling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SloTests {

	@Test
	void theUsersObjectiveBecomesGatlingsAssertionsOnTheP99AndTheFailedShare() {
		Slo slo = new Slo(250, 1.5);

		// Gatling's own description of the assertions it will check at the end of the
		// run.
		assertThat(slo.assertions()).hasSize(2);
		assertThat(slo.latencyAssertion().asScala())
			.hasToString("Assertion(Global,Time(ResponseTime,Percentile(99.0)),Lte(250.0))");
		assertThat(slo.errorAssertion().asScala()).hasToString("Assertion(Global,Percent(FailedRequests),Lte(1.5))");
	}

}
