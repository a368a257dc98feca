package dev.iomodels.comparison.run;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.iomodels.comparison.Contender;
import dev.iomodels.comparison.Durations;
import dev.iomodels.comparison.Environment;
import dev.iomodels.comparison.Scenario;
import dev.iomodels.comparison.sampling.RunningService;
import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the comparison measures: the services it starts itself (the default), or, with
 * {@code --target NAME=URL[,management=URL]} (repeatable), services that already run
 * elsewhere. Remote targets are driven with the same scenarios, load and sampling, and
 * reported the same way, with three differences the report states: they are never
 * restarted, so each scenario and step begins with what the last one left; their JVM
 * flags and emulated latency are their own, so only the scenarios with the latency they
 * run are measured; and their memory, threads and machine CPU come from their own meters
 * rather than {@code /proc}.
 */
public final class Targets {

	/** Flags that choose what the comparison starts, which remote targets replace. */
	private static final List<String> LOCAL_ONLY = List.of("services", "transports", "backend", "remote-clients",
			"database-url", "database-user", "controls", "cpus");

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final List<RemoteTarget> remote;

	private final List<String> arguments;

	private Targets(List<RemoteTarget> remote, List<String> arguments) {
		this.remote = List.copyOf(remote);
		this.arguments = List.copyOf(arguments);
	}

	/**
	 * Take the {@code --target} flags out of a command line.
	 * @param args the command line
	 * @return the targets, and the rest of the command line for {@link CompareOptions},
	 * with {@code --services} naming the targets' services in the order given
	 * @throws IllegalArgumentException for a bad target, one service named twice, or a
	 * flag that only applies to services the comparison starts
	 */
	public static Targets extract(String[] args) {
		List<RemoteTarget> remote = new ArrayList<>();
		List<String> rest = new ArrayList<>();
		Set<String> flags = new LinkedHashSet<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--target") && i + 1 < args.length) {
				remote.add(RemoteTarget.parse(args[++i]));
			}
			else if (arg.startsWith("--target=")) {
				remote.add(RemoteTarget.parse(arg.substring("--target=".length())));
			}
			else {
				if (arg.startsWith("--")) {
					flags.add(arg.substring(2).split("=", 2)[0]);
				}
				rest.add(arg);
			}
		}
		if (remote.isEmpty()) {
			return new Targets(remote, rest);
		}
		for (String flag : LOCAL_ONLY) {
			if (flags.contains(flag)) {
				throw new IllegalArgumentException("--" + flag + " applies to services the comparison starts, not to"
						+ " --target: each target runs its own backend and transport");
			}
		}
		Set<Service> services = new LinkedHashSet<>();
		for (RemoteTarget target : remote) {
			if (!services.add(target.service())) {
				throw new IllegalArgumentException("--target names " + target.name() + " twice");
			}
		}
		rest.add("--services");
		rest.add(String.join(",", services.stream().map(Service::shortName).toList()));
		return new Targets(remote, rest);
	}

	/**
	 * Return the command line without the targets, for {@link CompareOptions#parse}.
	 * @return the arguments
	 */
	public String[] arguments() {
		return this.arguments.toArray(String[]::new);
	}

	/**
	 * Return whether the comparison drives remote targets.
	 * @return whether any {@code --target} was given
	 */
	boolean remote() {
		return !this.remote.isEmpty();
	}

	/**
	 * Return the scenarios that can be measured: all of them for services the comparison
	 * starts, which it starts with each scenario's latency; for remote targets, which run
	 * the latency they were started with, only those with that latency.
	 * @param scenarios the profile's scenarios
	 * @param client the HTTP client to ask the targets with
	 * @param out where to say which scenarios are left out
	 * @return the scenarios to run
	 * @throws Exception if a target cannot be asked, or the targets' latencies differ, or
	 * no scenario has theirs
	 */
	List<Scenario> scenarios(List<Scenario> scenarios, HttpClient client, PrintStream out) throws Exception {
		if (!remote()) {
			return scenarios;
		}
		Map<String, Duration> latencies = new LinkedHashMap<>();
		for (RemoteTarget target : this.remote) {
			Map<String, Object> info = info(target, client);
			latencies.put(target.name(), Duration.parse(String.valueOf(info.get("emulatedLatency"))));
		}
		if (latencies.values().stream().distinct().count() > 1) {
			throw new IllegalStateException("The targets run with different emulated latencies " + format(latencies)
					+ "; start them with the same storage.emulated-latency");
		}
		Duration latency = latencies.values().iterator().next();
		List<Scenario> measurable = scenarios.stream()
			.filter((scenario) -> scenario.emulatedLatency().equals(latency))
			.toList();
		if (measurable.isEmpty()) {
			throw new IllegalStateException(
					"The targets run with storage.emulated-latency=" + Durations.compact(latency)
							+ " and no scenario has that latency; pass --latency " + Durations.compact(latency));
		}
		for (Scenario scenario : scenarios) {
			if (!measurable.contains(scenario)) {
				out.printf("Left out: %s (needs %s of emulated latency; the targets run %s)%n", scenario.id(),
						Durations.compact(scenario.emulatedLatency()), Durations.compact(latency));
			}
		}
		return measurable;
	}

	/**
	 * Start a service, or reach the target that runs it.
	 * @param contender what to run
	 * @param local how to start it on this machine
	 * @param client the HTTP client for a remote target
	 * @param logDirectory where logs go
	 * @return the running service
	 * @throws Exception if it cannot be started or reached
	 */
	RunningService start(Contender contender, Callable<ServiceProcess> local, HttpClient client, Path logDirectory)
			throws Exception {
		Optional<RemoteTarget> target = this.remote.stream()
			.filter((candidate) -> candidate.service().equals(contender.service()))
			.findFirst();
		return target.isPresent() ? RemoteService.connect(target.get(), client, logDirectory)
				: new LocalService(local.call());
	}

	/**
	 * Return the JVM flags the services ran with, as the report states them.
	 * @param flags the flags the comparison starts its services with
	 * @return those, or none for remote targets, which run their own
	 */
	List<String> jvmFlags(List<String> flags) {
		return remote() ? List.of() : flags;
	}

	/**
	 * Return the settings for {@code environment.json}, with the remote targets if any.
	 * @param settings the comparison's settings
	 * @return the settings
	 */
	Map<String, Object> settings(Map<String, Object> settings) {
		if (!remote()) {
			return settings;
		}
		Map<String, Object> all = new LinkedHashMap<>(settings);
		all.remove("backend");
		all.remove("transports");
		List<Map<String, Object>> targets = new ArrayList<>();
		for (RemoteTarget target : this.remote) {
			Map<String, Object> description = new LinkedHashMap<>();
			description.put("name", target.name());
			description.put("api", target.api().toString());
			description.put("management", target.management().toString());
			description.put("onThisMachine", target.onThisMachine());
			targets.add(description);
		}
		all.put(Environment.REMOTE_TARGETS, targets);
		return all;
	}

	private static Map<String, Object> info(RemoteTarget target, HttpClient client) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(target.api().resolve("/api/v1/info")).timeout(TIMEOUT).build();
		HttpResponse<String> response;
		try {
			response = client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.IOException(target.name() + " at " + target.api() + " does not answer: " + ex, ex);
		}
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					target.name() + " at " + target.api() + ": /api/v1/info answered " + response.statusCode());
		}
		Map<String, Object> info = JsonMapper.builder().build().readValue(response.body(), new TypeReference<>() {
		});
		String model = String.valueOf(info.get("model"));
		if (!model.equals(target.service().model())) {
			throw new IllegalStateException("--target " + target.name() + " at " + target.api() + " runs " + model
					+ ", not " + target.service().model() + ": is it another service?");
		}
		return info;
	}

	private static String format(Map<String, Duration> latencies) {
		List<String> each = new ArrayList<>();
		latencies.forEach((name, latency) -> each.add(name + " " + Durations.compact(latency)));
		return String.join(", ", each);
	}

}
