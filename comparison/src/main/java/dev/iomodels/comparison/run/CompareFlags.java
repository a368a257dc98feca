package dev.iomodels.comparison.run;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The flags of {@code ./compare} as picocli declares them: the usage ({@code --help}) is
 * generated from these declarations, and {@code CompareOptionsTests} checks the flag
 * table of docs/load-tests.md against them. The values stay text here, as given;
 * {@link CompareOptions#parse} checks and converts them, since most defaults depend on
 * the profile and a few flags on one another. A field left {@code null} was not given.
 */
@Command(name = "./compare", customSynopsis = "./compare [flags]", sortOptions = false, usageHelpWidth = 110,
		separator = "=",
		description = { "Starts classic, loom and webflux one after the other with the same JVM flags, drives each with"
				+ " Gatling one concurrency step at a time, samples its metrics every second, and writes a report.",
				"" },
		footer = { "",
				"Writes report.html (opens from disk), summary.md, results.csv, results.json, samples.csv,"
						+ " environment.json and every Gatling report under gatling/.",
				"./compare --wall --help: the flags of the wall scenario." })
final class CompareFlags {

	@Option(names = "--profile", order = 1, paramLabel = "quick|full|tiny",
			description = "quick (default): two sweeps, about 5 minutes on 2 cores; full: longer steps plus C10K, large"
					+ " payloads and a spike; tiny: seconds per step, to check that everything works")
	String profile;

	@Option(names = "--latency", order = 5, paramLabel = "100ms",
			description = "emulated storage latency of the latency sweep (default 100ms)")
	String latency;

	@Option(names = "--users", order = 6, paramLabel = "50,200,800",
			description = "concurrency steps of both sweeps (default: the profile's)")
	String users;

	@Option(names = "--scenarios", order = 7, paramLabel = "c10k,spike",
			description = "run only these of the profile's scenarios: latency-sweep, cpu-bound-sweep, and with --full"
					+ " c10k, large-payload, spike")
	String scenarios;

	@Option(names = "--step-duration", order = 8, paramLabel = "10s",
			description = "how long each step lasts (quick 10s, full 30s, tiny 3s)")
	String stepDuration;

	@Option(names = "--warm-up", order = 9, paramLabel = "5s",
			description = "unmeasured load after each start (quick 5s, full 15s, tiny 2s)")
	String warmUp;

	@Option(names = "--services", order = 10, paramLabel = "classic,loom,webflux",
			description = "which services to compare (default: all three)")
	String services;

	@Option(names = "--transports", order = 11, paramLabel = "nio,nio2,epoll,io_uring",
			description = "run each service on each listed transport it supports (iomodels.server.transport; Tomcat:"
					+ " nio, nio2; Reactor Netty: nio, epoll, io_uring), named e.g. webflux/io_uring; default: each"
					+ " service on its own default (nio, epoll)")
	String transports;

	@Option(names = "--backend", order = 12, paramLabel = "memory|postgres|remote",
			description = "storage backend (storage.backend) of every service (default memory); postgres starts an"
					+ " embedded PostgreSQL (not as root) unless --database-url names one; its database is emptied"
					+ " before each service; remote starts a storage node for each service, with the latency in the"
					+ " node instead of the service, and reports the node's CPU")
	String backend;

	@Option(names = "--remote-clients", order = 13, paramLabel = "jdk,apache,reactor",
			description = "with --backend remote, run classic and loom on each listed blocking client of the node"
					+ " (storage.remote.client), named e.g. loom/apache; default: their default (jdk); webflux always"
					+ " uses WebClient")
	String remoteClients;

	@Option(names = "--database-url", order = 14, paramLabel = "URL",
			description = "postgresql://host:port/database for --backend postgres; the password is read from"
					+ " STORAGE_POSTGRES_PASSWORD in the environment")
	String databaseUrl;

	@Option(names = "--database-user", order = 15, paramLabel = "NAME",
			description = "the user for --database-url (default iomodels)")
	String databaseUser;

	@Option(names = "--repeat", order = 16, paramLabel = "N",
			description = "run every step N times, interleaved (classic, loom, webflux, classic, …); every figure is"
					+ " the median with its min–max, and the winner tables say \"no clear winner\" where the ranges"
					+ " overlap (quick and tiny 1, full 3)")
	String repeat;

	@Option(names = "--controls", order = 17,
			description = "run each service's control beside it in the GET-only scenarios: a bare app of the same"
					+ " model (MVC on the pool, MVC on virtual threads, WebFlux) answering constant bytes; the report"
					+ " shows service ÷ control, the API's own cost (on in full)")
	boolean controls;

	@Option(names = "--no-controls", order = 18, description = "the full profile without them")
	boolean noControls;

	@Option(names = "--load-generator", order = 19, paramLabel = "gatling|wrk",
			description = "what drives the GET sweeps (default gatling; wrk from Debian's package); the other"
					+ " scenarios always use Gatling")
	String loadGenerator;

	@Option(names = "--cross-check", order = 20,
			description = "measure every GET-sweep step again with the other load generator, right after the first,"
					+ " and flag a ranking that differs")
	boolean crossCheck;

	@Option(names = "--cpus", order = 21, paramLabel = "service=0-1,load=2-3",
			description = "pin the services and the load generator to disjoint CPUs (taskset; the services get"
					+ " -XX:ActiveProcessorCount to match), or shared; default: shared below 4 cores, disjoint halves"
					+ " from 4 up")
	String cpus;

	@Option(names = "--warm-up-limit", order = 22, paramLabel = "40s",
			description = "the warm-up repeats until the JIT is quiet (less than 2 %% of the time compiling), up to"
					+ " this long (quick 40s, full 90s, tiny 4s)")
	String warmUpLimit;

	/**
	 * Declared for the usage and the docs check only: {@link Targets#extract} takes every
	 * {@code --target} out of the command line before it is parsed here.
	 */
	@Option(names = "--target", order = 23, paramLabel = "NAME=URL[,management=URL]",
			description = "drive a service that already runs elsewhere instead of starting it (repeat for each; NAME"
					+ " is classic, loom or webflux; management defaults to the API port + 1000); only the scenarios"
					+ " with the targets' emulated latency run, and nothing is restarted")
	List<String> targets = new ArrayList<>();

	@Option(names = "--against", order = 24, paramLabel = "results/<earlier>",
			description = "compare every figure with an earlier run of the same scenarios: the report shows each"
					+ " change and flags those beyond the spread of the runs; refused if the cores, JDK or JVM flags"
					+ " differ")
	String against;

	@Option(names = "--out", order = 25, paramLabel = "results/<timestamp>", description = "where the report goes")
	String out;

	@Option(names = "--help", order = 26, usageHelp = true, description = "this text")
	boolean help;

	@Option(names = "--quick", order = 2, description = "the same as --profile quick")
	void quick(boolean given) {
		this.profile = "quick";
	}

	// --full is --profile full, as people say it; the last of them wins, as does a flag
	// given twice.
	@Option(names = "--full", order = 3, description = "the same as --profile full")
	void full(boolean given) {
		this.profile = "full";
	}

	@Option(names = "--tiny", order = 4, description = "the same as --profile tiny")
	void tiny(boolean given) {
		this.profile = "tiny";
	}

	/**
	 * Return a command line that fills new flags.
	 * @return the command line, with the usage and the option model of {@code ./compare}
	 */
	static CommandLine commandLine() {
		// Not @file expansion: an argument is what it says.
		return new CommandLine(new CompareFlags()).setOverwrittenOptionsAllowed(true).setExpandAtFiles(false);
	}

}
