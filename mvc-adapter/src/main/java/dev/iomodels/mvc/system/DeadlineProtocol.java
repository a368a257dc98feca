package dev.iomodels.mvc.system;

import dev.iomodels.service.ConnectionDeadlines;

/**
 * A Tomcat connector protocol whose processors keep the {@link ConnectionDeadlines}:
 * {@link DeadlineNioProtocol} and {@link DeadlineNio2Protocol}.
 */
interface DeadlineProtocol {

	/**
	 * Set the deadlines, before the connector starts.
	 * @param deadlines the deadlines and their counters
	 */
	void setConnectionDeadlines(ConnectionDeadlines deadlines);

}
