package dev.iomodels.contract;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Nested;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says on the console which implementation ran each section of a contract suite, e.g.
 * {@code [contract] ClassicOnNio2ContractTests > Reads: 4 passed}, and names each failure
 * the same way ({@code ... > Reads > getOfMissingKeyAnswers404NotFound() FAILED}).
 * <p>
 * Why: Surefire (3.5) names the test set of a {@code @Nested} class by the class that
 * declares it, so every implementation's sections appear as
 * {@code StorageApiContractTests$Reads}; it reads neither JUnit's display names nor the
 * runtime class of the enclosing instance. JUnit's test plan knows both: a section's
 * parent is the implementation's class. The JUnit Platform finds this listener through
 * {@code META-INF/services}, so every service that runs the suites gets it.
 */
public final class ContractSectionLog implements TestExecutionListener {

	private final Set<Class<?>> suites;

	private final PrintStream out;

	private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

	private volatile TestPlan plan;

	/** Log to standard output, which Surefire shows on the console. */
	public ContractSectionLog() {
		this(Set.of(StorageApiContractTests.class, GuardedServiceContractTests.class), System.out);
	}

	ContractSectionLog(Set<Class<?>> suites, PrintStream out) {
		this.suites = Set.copyOf(suites);
		this.out = out;
	}

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		this.plan = testPlan;
	}

	@Override
	public void executionSkipped(TestIdentifier identifier, String reason) {
		if (identifier.isTest()) {
			sectionOf(identifier).ifPresent((section) -> tally(section).skipped.incrementAndGet());
		}
	}

	@Override
	public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
		if (identifier.isTest()) {
			sectionOf(identifier).ifPresent((section) -> {
				if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
					tally(section).passed.incrementAndGet();
				}
				else {
					tally(section).failed.incrementAndGet();
					this.out.println("[contract] " + path(identifier) + " " + result.getStatus()
							+ result.getThrowable().map((thrown) -> ": " + firstLine(thrown)).orElse(""));
				}
			});
		}
		else if (isSection(identifier)) {
			Tally tally = this.tallies.getOrDefault(identifier.getUniqueId(), new Tally());
			String failed = (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) ? ""
					: " (the section itself " + result.getStatus()
							+ result.getThrowable().map((thrown) -> ": " + firstLine(thrown)).orElse("") + ")";
			this.out.println("[contract] " + path(identifier) + ": " + tally + failed);
		}
	}

	private Tally tally(TestIdentifier section) {
		return this.tallies.computeIfAbsent(section.getUniqueId(), (id) -> new Tally());
	}

	private Optional<TestIdentifier> sectionOf(TestIdentifier identifier) {
		for (TestIdentifier node = identifier; node != null; node = this.plan.getParent(node).orElse(null)) {
			if (isSection(node)) {
				return Optional.of(node);
			}
		}
		return Optional.empty();
	}

	/** Whether a container is a {@code @Nested} section of one of the contract suites. */
	private boolean isSection(TestIdentifier identifier) {
		return identifier.isContainer() && identifier.getSource()
			.filter(ClassSource.class::isInstance)
			.map((source) -> ((ClassSource) source).getJavaClass())
			.filter((type) -> type.isAnnotationPresent(Nested.class) && this.suites.contains(type.getEnclosingClass()))
			.isPresent();
	}

	/**
	 * Return the display names from the implementation's class down to a test or section,
	 * e.g.
	 * {@code ClassicOnNio2ContractTests > Keys > keyOutsideTheGrammar...(String) > -bad}.
	 */
	private String path(TestIdentifier identifier) {
		List<String> names = new ArrayList<>();
		for (TestIdentifier node = identifier; node != null; node = this.plan.getParent(node).orElse(null)) {
			if (this.plan.getParent(node).isPresent()) {
				// Every node but the engine's own.
				names.add(node.getDisplayName());
			}
		}
		Collections.reverse(names);
		return String.join(" > ", names);
	}

	private static String firstLine(Throwable thrown) {
		String message = String.valueOf(thrown.getMessage()).strip();
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end).strip();
	}

	/** What became of the tests of one section. */
	private static final class Tally {

		private final AtomicInteger passed = new AtomicInteger();

		private final AtomicInteger failed = new AtomicInteger();

		private final AtomicInteger skipped = new AtomicInteger();

		@Override
		public String toString() {
			return this.passed + " passed" + ((this.failed.get() > 0) ? ", " + this.failed + " failed" : "")
					+ ((this.skipped.get() > 0) ? ", " + this.skipped + " skipped" : "");
		}

	}

}
