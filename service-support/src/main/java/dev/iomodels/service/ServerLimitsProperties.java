package dev.iomodels.service;

import java.time.Clock;
import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code iomodels.server.*} settings: every server knob that Tomcat and Reactor Netty
 * both have, set once here and applied by each web adapter to its own server, so the
 * three services cannot drift apart. These are the rows of the fairness table in
 * {@code docs/configuration.md}.
 *
 * @param maxConnections the most connections open at once; beyond it a server stops
 * accepting and new connections wait in the listen backlog
 * @param acceptBacklog the length of the listen backlog
 * @param keepAliveTimeout how long an idle keep-alive connection is kept open
 * @param maxKeepAliveRequests the most requests on one connection; {@code -1} for no
 * limit
 * @param maxRequestHeaderSize the largest request head (request line and headers)
 * @param connectionTimeout the longest silence while a request is being read (its head or
 * its body) before the connection is closed: what keeps a slow client (slowloris) from
 * holding a connection for ever
 * @param maxConcurrentRequests the most API requests admitted at once; beyond it a
 * request is refused at once with 503 {@code overloaded}; {@code -1} for no bound
 * @param maxBufferedRequestBytes the most request-body bytes that admitted requests may
 * hold in memory at once (each PUT counts its declared length, a chunked one the maximum
 * object size); beyond it 503 {@code overloaded}; {@code -1} for no bound
 * @param requestTimeout how long after its admission a request's body may still arrive;
 * bytes that arrive later end the request with 408 {@code request-timeout}
 * ({@link RequestTimeouts}); {@code -1} (any negative value) for none
 * @param requestHeadTimeout how long a request head (request line and headers) may take
 * to arrive, from its first byte (on a new connection, the connection's first byte; on a
 * kept-alive one, the first byte after the previous request); a head not complete by then
 * is answered 408 and its connection closed ({@link ConnectionDeadlines}). The wait for
 * that first byte is {@code keepAliveTimeout}'s (or, on a new connection,
 * {@code connectionTimeout}'s)
 * @param responseWriteTimeout the longest a response write may wait for a client that
 * takes none of its bytes; then the connection is closed and the request's thread or
 * buffers released ({@link ConnectionDeadlines})
 */
@ConfigurationProperties("iomodels.server")
public record ServerLimitsProperties(@DefaultValue("16384") int maxConnections, @DefaultValue("1024") int acceptBacklog,
		@DefaultValue("20s") Duration keepAliveTimeout, @DefaultValue("-1") int maxKeepAliveRequests,
		@DefaultValue("8KB") DataSize maxRequestHeaderSize, @DefaultValue("20s") Duration connectionTimeout,
		@DefaultValue("2000") int maxConcurrentRequests, @DefaultValue("128MB") DataSize maxBufferedRequestBytes,
		@DefaultValue("60s") Duration requestTimeout, @DefaultValue("10s") Duration requestHeadTimeout,
		@DefaultValue("20s") Duration responseWriteTimeout) {

	/**
	 * The value of {@code max-concurrent-requests}, of its byte bound and of
	 * {@code request-timeout} that is off.
	 */
	public static final int UNBOUNDED = -1;

	public ServerLimitsProperties {
		if (maxConnections < 1 || acceptBacklog < 1) {
			throw new IllegalArgumentException("iomodels.server.max-connections and accept-backlog must be positive");
		}
		if (maxKeepAliveRequests == 0 || maxKeepAliveRequests < -1) {
			throw new IllegalArgumentException("iomodels.server.max-keep-alive-requests must be positive or -1");
		}
		if (!keepAliveTimeout.isPositive() || !connectionTimeout.isPositive()) {
			throw new IllegalArgumentException(
					"iomodels.server.keep-alive-timeout and connection-timeout must be positive");
		}
		if (maxConcurrentRequests == 0 || maxConcurrentRequests < UNBOUNDED) {
			throw new IllegalArgumentException("iomodels.server.max-concurrent-requests must be positive or -1");
		}
		if (maxBufferedRequestBytes.toBytes() == 0 || maxBufferedRequestBytes.toBytes() < UNBOUNDED) {
			throw new IllegalArgumentException("iomodels.server.max-buffered-request-bytes must be positive or -1");
		}
		if (!requestHeadTimeout.isPositive() || !responseWriteTimeout.isPositive()) {
			throw new IllegalArgumentException(
					"iomodels.server.request-head-timeout and response-write-timeout must be positive");
		}
		if (requestTimeout.isZero()) {
			throw new IllegalArgumentException("iomodels.server.request-timeout must be positive or -1");
		}
	}

	/**
	 * Return the admission policy these settings describe.
	 * @param maxObjectSize the largest object, which a chunked body may grow to
	 * @return a new admission with empty counts
	 */
	public RequestAdmission admission(long maxObjectSize) {
		return new RequestAdmission(this.maxConcurrentRequests, this.maxBufferedRequestBytes.toBytes(), maxObjectSize);
	}

	/**
	 * Return the connection deadlines these settings describe: the request head's and the
	 * response write's.
	 * @param mapper the JSON mapper that writes the 408's problem
	 * @return new deadlines with counts of zero
	 */
	public ConnectionDeadlines connectionDeadlines(JsonMapper mapper) {
		return new ConnectionDeadlines(this.requestHeadTimeout, this.responseWriteTimeout, mapper);
	}

	/**
	 * Return the request timeout these settings describe.
	 * @param clock the clock the deadlines are measured with
	 * @return the request timeout
	 */
	public RequestTimeouts requestTimeouts(Clock clock) {
		return new RequestTimeouts(this.requestTimeout, clock);
	}

}
