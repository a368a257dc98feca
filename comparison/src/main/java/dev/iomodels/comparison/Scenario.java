package dev.iomodels.comparison;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One situation every service is put in: the same workload at the same concurrency steps,
 * with the same emulated storage latency.
 *
 * @param id a short name used in file names and rows, e.g. {@code latency-sweep}
 * @param title the heading in the report
 * @param question what the scenario shows, in one sentence
 * @param workload the kind of load
 * @param emulatedLatency the wait in front of every storage operation; zero for none
 * @param users the concurrency steps, each run and measured on its own
 * @param stepDuration how long each step holds its users
 * @param simulationProperties further parameters for the simulation, e.g. the payload
 * size
 * @param heap the heap every service gets in this scenario in the JVM's notation (e.g.
 * {@code 4g}), in place of the fair flags' heap; empty for those. Still the same for
 * every service.
 */
public record Scenario(String id, String title, String question, Workload workload, Duration emulatedLatency,
		List<Integer> users, Duration stepDuration, Map<String, String> simulationProperties, Optional<String> heap) {

	public Scenario {
		users = List.copyOf(users);
		simulationProperties = Map.copyOf(simulationProperties);
		if (heap.isPresent() && !heap.get().matches("\\d+[kmg]")) {
			throw new IllegalArgumentException("A heap is written as the JVM takes it, e.g. 4g: " + heap.get());
		}
	}

	public Scenario(String id, String title, String question, Workload workload, Duration emulatedLatency,
			List<Integer> users, Duration stepDuration, Map<String, String> simulationProperties) {
		this(id, title, question, workload, emulatedLatency, users, stepDuration, simulationProperties,
				Optional.empty());
	}

	/**
	 * Return the JVM flags every service is started with in this scenario: the fair
	 * flags, with this scenario's heap in place of theirs if it sets one.
	 * @param fairFlags the flags of every scenario
	 * @return the flags for this one
	 */
	public List<String> serviceJvmFlags(List<String> fairFlags) {
		if (this.heap.isEmpty()) {
			return fairFlags;
		}
		List<String> flags = new ArrayList<>();
		for (String flag : fairFlags) {
			if (flag.startsWith("-Xms")) {
				flags.add("-Xms" + this.heap.get());
			}
			else if (flag.startsWith("-Xmx")) {
				flags.add("-Xmx" + this.heap.get());
			}
			else {
				flags.add(flag);
			}
		}
		return flags;
	}

	/**
	 * Return the application properties every service gets in this scenario.
	 * @param backend the storage backend
	 * @return the properties, passed as {@code --name=value}
	 */
	public Map<String, String> serviceProperties(String backend) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("storage.backend", backend);
		properties.put("storage.emulated-latency", emulatedLatency().toMillis() + "ms");
		// A pure comparison of I/O models: no admission bound, so that every service
		// takes every request its I/O model can take, and a model that runs out of
		// memory shows it (docs/reliability.md). Each service reports these in
		// /api/v1/info, which environment.json records.
		properties.put("iomodels.server.max-concurrent-requests", "-1");
		properties.put("iomodels.server.max-buffered-request-bytes", "-1");
		return properties;
	}

	/**
	 * Return whether every request of this scenario is a GET of a preloaded object, which
	 * a control app (constant bytes, no store) can answer as the services do.
	 * @return whether its controls can run beside the services
	 */
	public boolean getsOnly() {
		return (this.workload == Workload.CONCURRENCY_SWEEP && !this.simulationProperties.containsKey("readRatio"))
				|| this.workload == Workload.C10K;
	}

	/**
	 * Return whether the services wait in this scenario, which is when the I/O model
	 * should matter and the ideal throughput of Little's law applies.
	 * @return whether there is an emulated latency
	 */
	public boolean waits() {
		return !this.emulatedLatency.isZero();
	}

	/**
	 * Return the throughput of a service that never queues: each user has one request in
	 * flight, each taking the emulated latency, so by Little's law users / latency.
	 * @param users the concurrent users
	 * @return requests per second, or {@code NaN} without latency
	 */
	public double idealRequestsPerSecond(int users) {
		return waits() ? users / (this.emulatedLatency.toNanos() / 1e9) : Double.NaN;
	}

}
