package dev.iomodels.comparison.run;

import java.util.ArrayList;
import java.util.List;

import dev.iomodels.comparison.Contender;

/**
 * The order in which one scenario's runs are made. Repeats are interleaved, round by
 * round (classic, loom, webflux, classic, loom, webflux, …) rather than one service's
 * runs back to back, so that a slow minute of a shared machine falls on every service
 * alike and widens their ranges instead of moving one service's median. A control app
 * runs right after its service in every round, so that the two see the same machine.
 */
final class RunOrder {

	private RunOrder() {
	}

	/**
	 * Plan a scenario's runs.
	 * @param contenders the services in report order
	 * @param repeats how many rounds
	 * @param controls whether each service's control follows it
	 * @return the runs in the order they are made
	 */
	static List<Run> of(List<Contender> contenders, int repeats, boolean controls) {
		List<Run> runs = new ArrayList<>();
		for (int round = 1; round <= repeats; round++) {
			for (Contender contender : contenders) {
				runs.add(new Run(contender, round, false));
				if (controls) {
					runs.add(new Run(contender.control(), round, true));
				}
			}
		}
		return runs;
	}

	/**
	 * One start of a service or control app, for every step of a scenario.
	 *
	 * @param contender what runs
	 * @param round which repetition, from 1
	 * @param control whether it is a control app
	 */
	record Run(Contender contender, int round, boolean control) {

	}

}
