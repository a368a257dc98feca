package dev.iomodels.service;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code iomodels.server.*} settings: every server knob that Tomcat and Reactor Netty
 * both have, set once here and applied by each web adapter to its own server, so the
 * three services cannot drift apart. These are the rows of the README's fairness table.
 *
 * @param maxConnections the most connections open at once; beyond it a server stops
 * accepting and new connections wait in the listen backlog
 * @param acceptBacklog the length of the listen backlog
 * @param keepAliveTimeout how long an idle keep-alive connection is kept open
 * @param maxKeepAliveRequests the most requests on one connection; {@code -1} for no
 * limit
 * @param maxRequestHeaderSize the largest request head (request line and headers)
 */
@ConfigurationProperties("iomodels.server")
public record ServerLimitsProperties(@DefaultValue("16384") int maxConnections, @DefaultValue("1024") int acceptBacklog,
		@DefaultValue("60s") Duration keepAliveTimeout, @DefaultValue("-1") int maxKeepAliveRequests,
		@DefaultValue("8KB") DataSize maxRequestHeaderSize) {

	public ServerLimitsProperties {
		if (maxConnections < 1 || acceptBacklog < 1) {
			throw new IllegalArgumentException("iomodels.server.max-connections and accept-backlog must be positive");
		}
		if (maxKeepAliveRequests == 0 || maxKeepAliveRequests < -1) {
			throw new IllegalArgumentException("iomodels.server.max-keep-alive-requests must be positive or -1");
		}
	}

}
