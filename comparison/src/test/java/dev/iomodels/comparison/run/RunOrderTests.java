package dev.iomodels.comparison.run;

import java.util.List;
import java.util.Optional;

import dev.iomodels.comparison.Contender;
import dev.iomodels.harness.Service;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunOrderTests {

	private static final List<Contender> THREE = Service.ALL.stream()
		.map((service) -> new Contender(service, Optional.empty()))
		.toList();

	@Test
	void repeatsAreInterleavedRoundByRoundNotOneServiceAfterAnother() {
		List<RunOrder.Run> runs = RunOrder.of(THREE, 2, false);

		assertThat(runs).extracting((run) -> run.contender().label() + "#" + run.round())
			.containsExactly("classic#1", "loom#1", "webflux#1", "classic#2", "loom#2", "webflux#2");
	}

	@Test
	void eachControlRunsRightAfterItsServiceInEveryRound() {
		List<RunOrder.Run> runs = RunOrder.of(THREE, 2, true);

		assertThat(runs).extracting((run) -> run.contender().label() + "#" + run.round())
			.containsExactly("classic#1", "classic-control#1", "loom#1", "loom-control#1", "webflux#1",
					"webflux-control#1", "classic#2", "classic-control#2", "loom#2", "loom-control#2", "webflux#2",
					"webflux-control#2");
		assertThat(runs).filteredOn(RunOrder.Run::control)
			.extracting((run) -> run.contender().service())
			.containsOnly(Service.CLASSIC_CONTROL, Service.LOOM_CONTROL, Service.WEBFLUX_CONTROL);
	}

	@Test
	void aControlIsNamedAfterTheServiceOfItsModel() {
		assertThat(Contender.controlLabel("loom")).isEqualTo("loom-control");
		assertThat(Contender.controlLabel("webflux/io_uring")).isEqualTo("webflux-control");
		assertThat(Contender.ofLabel("loom-control")).map(Contender::service).hasValue(Service.LOOM_CONTROL);
	}

}
