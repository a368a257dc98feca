package dev.iomodels.comparison.wall;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InFlightLimitsTests {

	/** This machine's kind: 20,000 descriptors a process, Linux's default port range. */
	private static final InFlightLimits SMALL_MACHINE = new InFlightLimits(20_000, 20_000, 4096, 32768, 60999, 2048);

	private static final InFlightLimits NO_DESCRIPTOR_LIMIT = new InFlightLimits(Long.MAX_VALUE, Long.MAX_VALUE, 4096,
			32768, 60999, 2048);

	@Test
	void theMachinesMaximumIsTheDescriptorLimitLessASpareRoundedDownTo500() {
		// (20,000 - 1,024) x 10 / 11 = 17,250, rounded down to 17,000.
		assertThat(SMALL_MACHINE.maxInFlight()).isEqualTo(17_000);
		assertThat(new InFlightLimits(2048, 4096, 4096, 32768, 60999, 2048).maxInFlight()).isEqualTo(500);
		assertThat(new InFlightLimits(1024, 4096, 4096, 32768, 60999, 2048).maxInFlight()).isZero();
		assertThat(new InFlightLimits(65_536, 65_536, 4096, 32768, 60999, 2048).maxInFlight()).isEqualTo(58_500);
	}

	@Test
	void withoutADescriptorLimitTheMaximumIsTheCeilingOf100000() {
		assertThat(NO_DESCRIPTOR_LIMIT.maxInFlight()).isEqualTo(InFlightLimits.CEILING);
		assertThat(NO_DESCRIPTOR_LIMIT.problems(100_000, 1024)).isEmpty();
	}

	@Test
	void connectionsBeyondOneAddresssPortsAreSpreadOverMoreLoopbackSourceAddresses() {
		// 28,232 ports, 1,000 kept spare: 27,232 connections per source address.
		assertThat(SMALL_MACHINE.usablePorts()).isEqualTo(27_232);
		assertThat(SMALL_MACHINE.sourceAddresses(17_000)).isEqualTo(1);
		assertThat(SMALL_MACHINE.sourceAddresses(27_232)).isEqualTo(1);
		assertThat(SMALL_MACHINE.sourceAddresses(27_233)).isEqualTo(2);
		assertThat(NO_DESCRIPTOR_LIMIT.sourceAddresses(100_000)).isEqualTo(4);
	}

	@Test
	void enoughDescriptorsAndKernelSettingsRaiseNoProblem() {
		assertThat(SMALL_MACHINE.problems(17_000, 1024)).isEmpty();
		// 17,250 + 1,725 + 1,024 = 19,999.
		assertThat(SMALL_MACHINE.problems(17_250, 1024)).isEmpty();
	}

	@Test
	void tooFewDescriptorsAreNamedWithTheirValueTheHardLimitAndWhatWouldChangeIt() {
		assertThat(SMALL_MACHINE.problems(17_251, 1024)).singleElement()
			.asString()
			.contains("17,251 in flight need 20,001 open files", "may open 20,000 (ulimit -n; hard limit 20,000",
					"LimitNOFILE", "at most 17,000 (--in-flight max)");
		assertThat(new InFlightLimits(1024, Long.MAX_VALUE, 4096, 32768, 60999, 2048).problems(2000, 1024))
			.singleElement()
			.asString()
			.contains("may open 1,024", "hard limit unlimited");
	}

	@Test
	void aSomaxconnBelowTheServicesBacklogIsNamedWithTheSysctlThatRaisesIt() {
		InFlightLimits limits = new InFlightLimits(20_000, 20_000, 128, 32768, 60999, 2048);

		assertThat(limits.problems(2000, 1024)).singleElement()
			.asString()
			.contains("net.core.somaxconn is 128", "backlog of 1024", "sysctl -w net.core.somaxconn=1024");
	}

	@Test
	void aSynBacklogBelowTheServicesBacklogIsNamed() {
		InFlightLimits limits = new InFlightLimits(20_000, 20_000, 4096, 32768, 60999, 256);

		assertThat(limits.problems(2000, 1024)).singleElement()
			.asString()
			.contains("net.ipv4.tcp_max_syn_backlog is 256", "sysctl -w net.ipv4.tcp_max_syn_backlog=1024");
	}

	@Test
	void aPortRangeTooNarrowForTheSourceAddressesIsNamedWithTheSysctlThatWidensIt() {
		InFlightLimits narrow = new InFlightLimits(Long.MAX_VALUE, Long.MAX_VALUE, 4096, 60000, 61099, 2048);
		InFlightLimits none = new InFlightLimits(Long.MAX_VALUE, Long.MAX_VALUE, 4096, 60000, 60500, 2048);

		// 100 usable ports a source address: 100,000 would need 1,000 of them.
		assertThat(narrow.problems(100_000, 1024)).singleElement()
			.asString()
			.contains("1000 loopback source addresses", "ip_local_port_range 60000-61099",
					"sysctl -w net.ipv4.ip_local_port_range='1024 65535'");
		assertThat(none.problems(10, 1024)).singleElement().asString().contains("none left for the load generator");
		assertThat(none.maxInFlight()).isZero();
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		InFlightLimits poor = new InFlightLimits(1024, 1024, 128, 32768, 60999, 128);

		assertThat(poor.problems(10_000, 1024)).hasSize(3);
	}

	@Test
	void theDescriptorLimitsAreReadFromTheProcesssLimits() {
		String limits = """
				Limit                     Soft Limit           Hard Limit           Units
				Max cpu time              unlimited            unlimited            seconds
				Max open files            20000                20000                files
				Max locked memory         8388608              8388608              bytes
				""";

		assertThat(InFlightLimits.openFiles(limits)).containsExactly(20_000, 20_000);
		assertThat(InFlightLimits
			.openFiles(limits.replace("20000                20000", "1024                 unlimited")))
			.containsExactly(1024, Long.MAX_VALUE);
		assertThatIllegalArgumentException().isThrownBy(() -> InFlightLimits.openFiles("Max cpu time  1  1  s"));
	}

}
