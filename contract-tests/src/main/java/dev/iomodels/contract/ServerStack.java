package dev.iomodels.contract;

import java.util.List;

/**
 * A web stack's own checks of a running server, for what the HTTP contract cannot see:
 * which connector or channel serves the API, and with which settings.
 */
@FunctionalInterface
public interface ServerStack {

	/** No checks of its own: a service that runs outside the test JVM. */
	ServerStack NONE = (service) -> List.of();

	/**
	 * Return the checks of a service on this stack.
	 * @param service what the service must be (its transport, above all)
	 * @return the checks, each a test of the suite's {@code ApiServer} section
	 */
	List<ServerCheck> checks(ServiceUnderTest service);

}
