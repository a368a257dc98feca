package dev.iomodels.mvc.system;

import dev.iomodels.service.ConnectionDeadlines;
import org.apache.coyote.Processor;
import org.apache.coyote.http11.Http11Nio2Protocol;

/**
 * Tomcat's {@code nio2} connector protocol, {@link Http11Nio2Protocol}, whose processors
 * are held to the {@link ConnectionDeadlines} ({@link DeadlineProcessor}). Tomcat creates
 * it by its class name; {@link TomcatServerLimits} hands it the deadlines and the size of
 * the servlet response's buffer before it starts.
 */
public class DeadlineNio2Protocol extends Http11Nio2Protocol implements DeadlineProtocol {

	private ConnectionDeadlines deadlines;

	private int responseBufferSize = -1;

	@Override
	public void setConnectionDeadlines(ConnectionDeadlines deadlines) {
		this.deadlines = deadlines;
	}

	@Override
	public void setResponseBufferSize(int bytes) {
		this.responseBufferSize = bytes;
	}

	@Override
	public int getDesiredBufferSize() {
		return this.responseBufferSize;
	}

	@Override
	protected Processor createProcessor() {
		return (this.deadlines != null)
				? new DeadlineProcessor(this, getAdapter(), this.deadlines, getUtilityExecutor())
				: super.createProcessor();
	}

}
