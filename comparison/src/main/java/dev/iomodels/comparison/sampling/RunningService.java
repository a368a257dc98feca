package dev.iomodels.comparison.sampling;

import java.net.URI;
import java.nio.file.Path;

import dev.iomodels.harness.PrometheusScrape;
import dev.iomodels.harness.Service;

/**
 * A service while the comparison drives it: one it started itself ({@code LocalService})
 * or one that already runs elsewhere ({@code RemoteService}, {@code --target}). Both are
 * driven and sampled the same way; only where the figures the JVM does not report come
 * from differs.
 */
public interface RunningService extends AutoCloseable {

	/**
	 * Return which service this is.
	 * @return the service
	 */
	Service service();

	/**
	 * Return the base URI of its API.
	 * @return e.g. {@code http://127.0.0.1:8081}
	 */
	URI api();

	/**
	 * Return the base URI of its management port (health, info, prometheus).
	 * @return e.g. {@code http://127.0.0.1:9081}
	 */
	URI management();

	/**
	 * Return the file that says what happened to it, named in failure messages.
	 * @return its log
	 */
	Path log();

	/**
	 * Return whether it still runs.
	 * @return whether it is alive
	 */
	boolean alive();

	/**
	 * Return its resident memory and operating-system threads at the time of a scrape.
	 * @param scrape a scrape of its Prometheus endpoint, just taken
	 * @return the figures, {@code NaN} where unknown
	 */
	ProcessStatus processStatus(PrometheusScrape scrape);

	/**
	 * Return the counters of the machine it runs on and of the load generator, read now.
	 * @param scrape a scrape of its Prometheus endpoint, just taken
	 * @return the counters
	 */
	MachineCpu machineCpu(PrometheusScrape scrape);

	@Override
	void close() throws InterruptedException;

}
