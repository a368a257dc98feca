package dev.iomodels.contract;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@link ContractSectionLog} names the implementation that ran each section, which
 * Surefire does not, and JUnit runs the tests a {@code @Nested} section inherits from a
 * top-level class once per implementation.
 */
class ContractSectionLogTests {

	@Test
	void eachSectionAndEachFailureIsNamedAfterTheImplementationThatRanIt() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		SummaryGeneratingListener summary = new SummaryGeneratingListener();
		LauncherFactory.create()
			.execute(
					LauncherDiscoveryRequestBuilder.request()
						.selectors(selectClass(ExampleSuite.FirstImplementation.class),
								selectClass(ExampleSuite.SecondImplementation.class))
						.build(),
					summary, new ContractSectionLog(Set.of(ExampleSuite.class),
							new PrintStream(out, true, StandardCharsets.UTF_8)));
		assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(6);
		assertThat(summary.getSummary().getTestsFailedCount()).isEqualTo(2);
		assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactlyInAnyOrder(
				"[contract] ExampleSuite$FirstImplementation > Passing: 3 passed",
				"[contract] ExampleSuite$FirstImplementation > Failing > fails() FAILED: [the example failure]",
				"[contract] ExampleSuite$FirstImplementation > Failing: 0 passed, 1 failed",
				"[contract] ExampleSuite$SecondImplementation > Passing: 3 passed",
				"[contract] ExampleSuite$SecondImplementation > Failing > fails() FAILED: [the example failure]",
				"[contract] ExampleSuite$SecondImplementation > Failing: 0 passed, 1 failed");
	}

}
