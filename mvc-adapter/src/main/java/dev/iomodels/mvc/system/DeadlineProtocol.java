package dev.iomodels.mvc.system;

import dev.iomodels.service.ConnectionDeadlines;

/**
 * A Tomcat connector protocol whose processors keep the {@link ConnectionDeadlines}:
 * {@link DeadlineNioProtocol} and {@link DeadlineNio2Protocol}, which also set the size
 * of the servlet response's buffer.
 */
interface DeadlineProtocol {

	/**
	 * Set the deadlines, before the connector starts.
	 * @param deadlines the deadlines and their counters
	 */
	void setConnectionDeadlines(ConnectionDeadlines deadlines);

	/**
	 * Set the size of every servlet response's buffer, before the connector starts.
	 * Tomcat asks the protocol for it ({@code getDesiredBufferSize()}) when it creates a
	 * response, which it then keeps for the life of its processor: a buffer of this many
	 * bytes and one of this many characters for every request in flight.
	 * @param bytes the size; {@code -1} for Tomcat's default of 8 KiB
	 */
	void setResponseBufferSize(int bytes);

}
