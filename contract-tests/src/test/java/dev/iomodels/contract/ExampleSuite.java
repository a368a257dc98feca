package dev.iomodels.contract;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suite shaped like the contract suites, for {@link ContractSectionLogTests}: an
 * abstract class whose {@code @Nested} sections extend top-level classes, run by a
 * subclass per implementation. Its name keeps Surefire from running it on its own.
 */
abstract class ExampleSuite {

	private final String implementation;

	ExampleSuite(String implementation) {
		this.implementation = implementation;
	}

	@Nested
	class Passing extends PassingSection {

		Passing() {
			super(ExampleSuite.this.implementation);
		}

	}

	@Nested
	class Failing extends FailingSection {

	}

	/** A section whose inherited tests pass, one of them once per parameter. */
	abstract static class PassingSection {

		private final String implementation;

		PassingSection(String implementation) {
			this.implementation = implementation;
		}

		@Test
		void knowsItsImplementation() {
			assertThat(this.implementation).isNotBlank();
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "a", "b" })
		void runsOncePerParameter(String parameter) {
			assertThat(parameter).hasSize(1);
		}

	}

	/** A section with one inherited test that fails. */
	abstract static class FailingSection {

		@Test
		void fails() {
			assertThat(1).as("the example failure").isEqualTo(2);
		}

	}

	static class FirstImplementation extends ExampleSuite {

		FirstImplementation() {
			super("first");
		}

	}

	static class SecondImplementation extends ExampleSuite {

		SecondImplementation() {
			super("second");
		}

	}

}
