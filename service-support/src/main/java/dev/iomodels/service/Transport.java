package dev.iomodels.service;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a server waits for its sockets to become ready: the kernel mechanism under the
 * connector, set by {@code iomodels.server.transport}. It is independent of the I/O
 * model, which is about the threads that run request handling; the transport is about the
 * thread (or threads) that learn which connections have bytes to read.
 * <p>
 * Two patterns exist. In a <em>reactor</em> the kernel says "this socket is ready" and
 * the application then makes the read or write call itself. In a <em>proactor</em> the
 * application hands the kernel (or a library) the whole operation with a buffer, and is
 * told later that it has completed.
 */
public enum Transport {

	/**
	 * The JDK's {@code java.nio.channels.Selector}: a reactor. On Linux the JDK backs the
	 * selector with epoll used <em>level-triggered</em> (the JDK's
	 * {@code EPollSelectorImpl}; on other systems kqueue, poll or select): a socket is
	 * reported on every wait for as long as it still has unread bytes, so a handler may
	 * read part of them and be told again. Tomcat's {@code Http11NioProtocol} (a poller
	 * thread hands ready sockets to workers) and Netty's {@code NioIoHandler} use it.
	 */
	NIO("nio", "java.nio Selector (epoll, level-triggered, on Linux)", "reactor"),

	/**
	 * The JDK's asynchronous channels ({@code AsynchronousServerSocketChannel},
	 * {@code CompletionHandler}): a proactor. The application starts a read with a buffer
	 * and a completion handler; the JDK finishes it and calls the handler on its channel
	 * group's threads. On Linux the JDK emulates this over epoll (there is no native
	 * asynchronous socket I/O), so the kernel mechanism is the same as {@link #NIO}'s;
	 * what changes is who drives the read. Tomcat's {@code Http11Nio2Protocol}.
	 */
	NIO2("nio2", "java.nio.channels asynchronous channels (completion handlers over epoll on Linux)", "proactor"),

	/**
	 * Netty's native epoll transport: a reactor, using epoll directly through JNI and
	 * <em>edge-triggered</em> ({@code EPOLLET}): a socket is reported once when it
	 * becomes readable, so the handler must read until {@code EAGAIN}. Fewer wake-ups and
	 * system calls than the JDK selector, and socket options the JDK lacks. Linux only.
	 */
	EPOLL("epoll", "Linux epoll, edge-triggered (Netty native)", "reactor"),

	/**
	 * Linux io_uring through Netty's native transport: a completion-based interface. The
	 * application puts operations (accept, read, write) on a submission queue shared with
	 * the kernel, and collects their results from a completion queue, with one system
	 * call for a whole batch, or none at all. The pattern is a proactor: the kernel
	 * performs the read into the buffer and reports it done. Linux 5.1 and later, when
	 * not disabled ({@code /proc/sys/kernel/io_uring_disabled}).
	 */
	IO_URING("io_uring", "Linux io_uring submission and completion queues (Netty native)", "proactor");

	private final String id;

	private final String mechanism;

	private final String pattern;

	Transport(String id, String mechanism, String pattern) {
		this.id = id;
		this.mechanism = mechanism;
		this.pattern = pattern;
	}

	/**
	 * Return the value of {@code iomodels.server.transport} and of the metrics' tag.
	 * @return e.g. {@code io_uring}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Return the kernel mechanism, for people.
	 * @return e.g. {@code Linux epoll, edge-triggered (Netty native)}
	 */
	public String mechanism() {
		return this.mechanism;
	}

	/**
	 * Return the design pattern of the transport.
	 * @return {@code reactor} or {@code proactor}
	 */
	public String pattern() {
		return this.pattern;
	}

	/**
	 * Find a transport by its id, in any case, with {@code -} for {@code _}.
	 * @param id e.g. {@code io_uring}, {@code io-uring} or {@code EPOLL}
	 * @return the transport
	 * @throws IllegalArgumentException for an unknown id, naming the known ones
	 */
	public static Transport of(String id) {
		String normalized = id.strip().toLowerCase(Locale.ROOT).replace('-', '_');
		return Arrays.stream(values())
			.filter((transport) -> transport.id.equals(normalized))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"Unknown transport '" + id + "'; the transports are " + String.join(", ", ids(values()))));
	}

	static java.util.List<String> ids(Transport... transports) {
		return Arrays.stream(transports).map(Transport::id).toList();
	}

}
