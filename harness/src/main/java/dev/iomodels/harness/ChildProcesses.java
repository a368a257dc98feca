package dev.iomodels.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waiting for a process this JVM started to answer, and stopping it: the same for a
 * service and for a storage node.
 */
final class ChildProcesses {

	private ChildProcesses() {
	}

	/**
	 * Poll a URL until it answers 200, and fail at once if the process exits meanwhile.
	 * @param process the process
	 * @param ready the URL that answers 200 once it is ready
	 * @param timeout how long it may take
	 * @param name what it is, for the failure message
	 * @param log where its output goes, named in the failure message
	 * @throws Exception if it exits or is not ready in time
	 */
	static void awaitReady(Process process, URI ready, Duration timeout, String name, Path log) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new IllegalStateException(
							name + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
				}
				try {
					HttpResponse<Void> response = client.send(
							HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
							HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() == 200) {
						return;
					}
				}
				catch (IOException notYetListening) {
					// Still starting.
				}
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log.toAbsolutePath());
	}

	/**
	 * Stop a process: a graceful shutdown first, then a kill if it takes longer.
	 * @param process the process
	 * @param grace how long the graceful shutdown may take
	 * @throws InterruptedException if interrupted while waiting
	 */
	static void stop(Process process, Duration grace) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}
