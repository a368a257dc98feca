package dev.iomodels.node;

import java.time.Duration;

import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.latency.EmulatedLatency;

/**
 * How a storage node runs.
 *
 * @param host the address to listen on
 * @param port the port to listen on, {@code 0} for any free one
 * @param latency the wait before every storage operation is carried out and answered
 * @param limits the bounds of the store
 * @param idleTimeout how long an idle keep-alive connection stays open; longer than any
 * client pool's keep-alive, so that a client never picks a connection the node is closing
 */
public record NodeSettings(String host, int port, EmulatedLatency latency, StorageLimits limits, Duration idleTimeout) {

	/**
	 * Return settings for a node on a free port of the loopback interface, with no
	 * latency and the default limits.
	 * @return the settings
	 */
	public static NodeSettings loopback() {
		return new NodeSettings("127.0.0.1", 0, EmulatedLatency.NONE, StorageLimits.DEFAULTS, Duration.ofSeconds(60));
	}

	/**
	 * Return these settings with another latency.
	 * @param latency the latency
	 * @return the new settings
	 */
	public NodeSettings withLatency(EmulatedLatency latency) {
		return new NodeSettings(this.host, this.port, latency, this.limits, this.idleTimeout);
	}

	/**
	 * Return these settings with other limits.
	 * @param limits the limits
	 * @return the new settings
	 */
	public NodeSettings withLimits(StorageLimits limits) {
		return new NodeSettings(this.host, this.port, this.latency, limits, this.idleTimeout);
	}

}
