package dev.iomodels.mvc.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code iomodels.tomcat.*} settings: the sizes of the buffers Tomcat keeps for every
 * connection and every request in flight, the same for classic and loom (both run this
 * adapter). Tomcat allocates each of them on the heap for as long as its request or
 * connection lives, so with 10,000 requests in flight they are what fills the heap
 * (docs/wall.md). Reactor Netty has no counterpart: it reads into pooled direct buffers
 * for the length of one read and keeps no buffer per request.
 * <p>
 * The two per-request buffers are 2 KiB instead of Tomcat's 8 KiB, which takes 24 KiB off
 * every request in flight and, measured with wrk on classic and loom, costs nothing on
 * small or large GETs and PUTs: every answer's head is far below 2 KiB (a key and a
 * Content-Type are at most 256 characters each), and a body larger than the response
 * buffer goes on to the socket's write buffer. The socket buffers stay at Tomcat's 8 KiB:
 * a 2 KiB write buffer halved the throughput of 256 KiB GETs (docs/wall.md).
 *
 * @param socketReadBuffer each connection's read buffer ({@code socket.appReadBufSize});
 * the request head buffer is the head limit plus this
 * @param socketWriteBuffer each connection's write buffer
 * ({@code socket.appWriteBufSize})
 * @param responseBuffer the servlet response's buffer, in bytes and as many characters
 * ({@code ServletResponse#getBufferSize()}); a body up to this size gets a
 * {@code Content-Length} from Tomcat, a larger one is sent as it is written
 * @param maxResponseHeaderSize the buffer a response's status line and headers are
 * written into ({@code maxHttpResponseHeaderSize}); a response whose head does not fit
 * fails with 500
 */
@ConfigurationProperties("iomodels.tomcat")
public record TomcatBufferProperties(@DefaultValue("8KB") DataSize socketReadBuffer,
		@DefaultValue("8KB") DataSize socketWriteBuffer, @DefaultValue("2KB") DataSize responseBuffer,
		@DefaultValue("2KB") DataSize maxResponseHeaderSize) {

	public TomcatBufferProperties {
		for (DataSize size : new DataSize[] { socketReadBuffer, socketWriteBuffer, responseBuffer,
				maxResponseHeaderSize }) {
			if (size.toBytes() < 256 || size.toBytes() > Integer.MAX_VALUE) {
				throw new IllegalArgumentException(
						"iomodels.tomcat.* buffer sizes must be between 256 bytes and 2 GB: " + size);
			}
		}
	}

}
