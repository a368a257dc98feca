package dev.iomodels.service;

import java.time.Duration;

import dev.iomodels.storage.StorageLimits;
import dev.iomodels.storage.latency.EmulatedLatency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code storage.*} settings, identical in meaning and default for all three
 * services.
 *
 * @param backend which engine stores the objects
 * @param maxObjectSize the largest object; exactly this size is accepted
 * @param maxObjects the most objects stored at once
 * @param maxBytes the most payload bytes stored at once
 * @param emulatedLatency the wait added to every storage operation, standing in for a
 * remote store
 * @param emulatedLatencyJitter the largest random extra added to that wait
 * @param operationTimeout the longest a storage operation may take before it is given up
 * with 504 {@code storage-timeout}
 * @param auth who may write
 */
@ConfigurationProperties("storage")
public record StorageProperties(@DefaultValue("memory") Backend backend, @DefaultValue("1MB") DataSize maxObjectSize,
		@DefaultValue("100000") long maxObjects, @DefaultValue("256MB") DataSize maxBytes,
		@DefaultValue("0ms") Duration emulatedLatency, @DefaultValue("0ms") Duration emulatedLatencyJitter,
		@DefaultValue("10s") Duration operationTimeout, @DefaultValue Auth auth) {

	public StorageProperties {
		if (!operationTimeout.isPositive()) {
			throw new IllegalArgumentException("storage.operation-timeout must be positive");
		}
	}

	/**
	 * Return the limits to enforce.
	 * @return the limits
	 */
	public StorageLimits limits() {
		return new StorageLimits(this.maxObjectSize.toBytes(), this.maxObjects, this.maxBytes.toBytes());
	}

	/**
	 * Return the latency to emulate.
	 * @return the latency
	 */
	public EmulatedLatency latency() {
		return new EmulatedLatency(this.emulatedLatency, this.emulatedLatencyJitter);
	}

	/**
	 * Return the check of writes.
	 * @return the check, which checks nothing without a token
	 */
	public WriteAuthorization writeAuthorization() {
		return new WriteAuthorization(this.auth.token());
	}

	/**
	 * The {@code storage.auth.*} settings.
	 *
	 * @param token the bearer token that PUT and DELETE must carry; none by default, and
	 * never a default in a committed file: pass it from the environment
	 * ({@code STORAGE_AUTH_TOKEN})
	 */
	public record Auth(String token) {

		@Override
		public String toString() {
			// Never the token itself, in a log or an error message.
			return "Auth[token=" + ((this.token == null || this.token.isBlank()) ? "none" : "<set>") + "]";
		}

	}

	/** The storage engines a service can run on. */
	public enum Backend {

		/** The embedded, bounded in-memory engine of shared-domain. */
		MEMORY,

		/**
		 * PostgreSQL, through JDBC or R2DBC as the service's model demands (module
		 * postgres-storage, settings {@code storage.postgres.*}).
		 */
		POSTGRES,

		/**
		 * A storage node reached over HTTP, through a blocking client or WebClient as the
		 * service's model demands (module remote-storage, settings
		 * {@code storage.remote.*}).
		 */
		REMOTE

	}

}
