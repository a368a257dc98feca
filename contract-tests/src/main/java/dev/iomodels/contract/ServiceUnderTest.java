package dev.iomodels.contract;

import java.util.List;
import java.util.Set;

/**
 * What a service under the contract must report at {@code /api/v1/info} and which web
 * stack it runs: the data that tells one implementation from another. A subclass of the
 * suite passes one to its constructor, e.g.
 * {@code TomcatServer.platformThreads(200).onTransport("nio2")}.
 *
 * @param model the I/O model: {@code platform-threads}, {@code virtual-threads} or
 * {@code event-loop}
 * @param transport the transport ({@code iomodels.server.transport}): {@code nio},
 * {@code nio2}, {@code epoll} or {@code io_uring}
 * @param backend the storage backend: {@code memory}, {@code postgres} or {@code remote}
 * @param backendSettings the names of the backend's own settings that info shows under
 * {@code backendSettings}
 * @param stack the checks only its web stack can make
 */
public record ServiceUnderTest(String model, String transport, String backend, Set<String> backendSettings,
		ServerStack stack) {

	/**
	 * Describe a service on the memory backend.
	 * @param model the I/O model
	 * @param transport the transport
	 * @param stack its web stack's checks
	 * @return the description
	 */
	public static ServiceUnderTest of(String model, String transport, ServerStack stack) {
		return new ServiceUnderTest(model, transport, "memory", Set.of(), stack);
	}

	/**
	 * Return the same service on another transport.
	 * @param transport the transport
	 * @return the description
	 */
	public ServiceUnderTest onTransport(String transport) {
		return new ServiceUnderTest(this.model, transport, this.backend, this.backendSettings, this.stack);
	}

	/**
	 * Return the same service on another backend that has no settings of its own to show.
	 * @param backend the backend
	 * @return the description
	 */
	public ServiceUnderTest onBackend(String backend) {
		return onBackend(backend, Set.of());
	}

	/**
	 * Return the same service on another backend.
	 * @param backend the backend
	 * @param settings the names of its settings that info shows
	 * @return the description
	 */
	public ServiceUnderTest onBackend(String backend, Set<String> settings) {
		return new ServiceUnderTest(this.model, this.transport, backend, Set.copyOf(settings), this.stack);
	}

	/**
	 * Return the checks of this service's web stack.
	 * @return the checks
	 */
	public List<ServerCheck> serverChecks() {
		return this.stack.checks(this);
	}

}
