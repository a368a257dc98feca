package dev.iomodels.comparison.sampling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MachineCpuTests {

	// From proc(5): pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt
	// majflt cmajflt utime stime cutime cstime ...; a command name may hold spaces and
	// ')'.
	private static final String STAT = "4242 (wrk (a b)) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 1200 300 20 0 3 0";

	@Test
	void aProcessesOwnTimeIsItsUserAndSystemTicks() {
		assertThat(MachineCpu.ownSeconds(STAT)).isEqualTo(3.0);
	}

	@Test
	void itsEndedChildrensTimeIsTheirUserAndSystemTicks() {
		assertThat(MachineCpu.childrenSeconds(STAT)).isEqualTo(15.0);
	}

	@Test
	void theMachinesBusyTimeLeavesOutIdleAndIoWait() {
		assertThat(MachineCpu.busySeconds("cpu  100 10 50 1000 40 5 5 0 0 0\ncpu0 1 2 3 4\n")).isEqualTo(1.7);
	}

}
