package dev.iomodels.comparison.run;

import java.net.URI;
import java.nio.file.Path;

import dev.iomodels.comparison.sampling.MachineCpu;
import dev.iomodels.comparison.sampling.ProcessStatus;
import dev.iomodels.comparison.sampling.RunningService;
import dev.iomodels.harness.PrometheusScrape;
import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;

/**
 * A service the comparison started on this machine: the kernel's account of its process
 * ({@code /proc}) for its memory and threads, and of the whole machine for the CPU that
 * others used.
 *
 * @param process the started service, stopped on {@link #close()}
 */
record LocalService(ServiceProcess process) implements RunningService {

	@Override
	public Service service() {
		return this.process.service();
	}

	@Override
	public URI api() {
		return this.process.api();
	}

	@Override
	public URI management() {
		return this.process.management();
	}

	@Override
	public Path log() {
		return this.process.log();
	}

	@Override
	public boolean alive() {
		return ProcessHandle.of(this.process.pid()).map(ProcessHandle::isAlive).orElse(false);
	}

	@Override
	public ProcessStatus processStatus(PrometheusScrape scrape) {
		return ProcessStatus.read(this.process.pid()).orElse(new ProcessStatus(Double.NaN, Double.NaN));
	}

	@Override
	public MachineCpu machineCpu(PrometheusScrape scrape) {
		return MachineCpu.read();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.close();
	}

}
