package dev.iomodels.service;

/**
 * Thrown at startup when {@code iomodels.server.transport} names a transport this service
 * cannot run: an unknown value, one its server does not have (io_uring on Tomcat), or a
 * native transport whose library does not load here. The service refuses to start rather
 * than run on another transport than the one asked for, which would make a measurement
 * lie.
 */
public class UnsupportedTransportException extends IllegalStateException {

	private final String value;

	private final transient TransportSupport support;

	/**
	 * Create the exception.
	 * @param value the configured value
	 * @param support what this service supports
	 * @param reason why the value cannot be used, e.g. {@code Tomcat has no epoll
	 * transport}
	 */
	public UnsupportedTransportException(String value, TransportSupport support, String reason) {
		this(value, support, reason, null);
	}

	/**
	 * Create the exception for a native transport that is not available.
	 * @param value the configured value
	 * @param support what this service supports
	 * @param reason why the value cannot be used
	 * @param cause the native library's reason, e.g. Netty's
	 * {@code Epoll.unavailabilityCause()}
	 */
	public UnsupportedTransportException(String value, TransportSupport support, String reason, Throwable cause) {
		super(message(value, support, reason, cause), cause);
		this.value = value;
		this.support = support;
	}

	private static String message(String value, TransportSupport support, String reason, Throwable cause) {
		return TransportProperties.PROPERTY + "=" + value + " cannot be used: " + reason + ". This service ("
				+ support.server() + ") supports " + support.supportedIds() + "; the default is "
				+ support.defaultTransport().id() + "." + ((cause != null) ? " Cause: " + cause : "");
	}

	/**
	 * Return the configured value.
	 * @return the value of {@code iomodels.server.transport}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Return what this service supports.
	 * @return the supported transports
	 */
	public TransportSupport support() {
		return this.support;
	}

}
