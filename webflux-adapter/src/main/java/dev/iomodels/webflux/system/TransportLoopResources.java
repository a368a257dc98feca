package dev.iomodels.webflux.system;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.iomodels.service.Transport;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ReflectiveChannelFactory;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.concurrent.Future;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.NonBlocking;
import reactor.netty.resources.LoopResources;

/**
 * The event loops of the chosen transport, handed to Reactor Netty instead of its own
 * detected ones: every loop runs the transport's I/O handler and every channel is the
 * transport's class, so what runs is what was asked for. One group serves both accepting
 * and connections, as Reactor Netty's default does, with as many threads as Reactor Netty
 * would create ({@link LoopResources#DEFAULT_IO_WORKER_COUNT}).
 */
final class TransportLoopResources implements LoopResources {

	private final Transport transport;

	private final EventLoopGroup group;

	TransportLoopResources(Transport transport, IoHandlerFactory ioHandler, int threads) {
		this.transport = transport;
		this.group = new MultiThreadIoEventLoopGroup(threads, new EventLoopThreads("reactor-http-" + transport.id()),
				ioHandler);
	}

	@Override
	public EventLoopGroup onServer(boolean useNative) {
		return this.group;
	}

	@Override
	public EventLoopGroup onServerSelect(boolean useNative) {
		return this.group;
	}

	@Override
	public EventLoopGroup onClient(boolean useNative) {
		return this.group;
	}

	@Override
	public <CHANNEL extends Channel> Class<? extends CHANNEL> onChannelClass(Class<CHANNEL> channelType,
			EventLoopGroup group) {
		@SuppressWarnings("unchecked")
		Class<? extends CHANNEL> type = (Class<? extends CHANNEL>) NettyTransports.channel(this.transport, channelType);
		return type;
	}

	@Override
	public <CHANNEL extends Channel> CHANNEL onChannel(Class<CHANNEL> channelType, EventLoopGroup group) {
		return new ReflectiveChannelFactory<CHANNEL>(onChannelClass(channelType, group)).newChannel();
	}

	@Override
	public boolean daemon() {
		return true;
	}

	@Override
	public boolean isDisposed() {
		return this.group.isShuttingDown();
	}

	@Override
	public Mono<Void> disposeLater(Duration quietPeriod, Duration timeout) {
		return Mono.defer(() -> {
			Future<?> terminated = this.group.shutdownGracefully(quietPeriod.toMillis(), timeout.toMillis(),
					TimeUnit.MILLISECONDS);
			return Mono.create((sink) -> terminated.addListener((done) -> sink.success()));
		});
	}

	/**
	 * Stop the event loops when the context closes, after its servers have stopped: no
	 * quiet period, since nothing is left to run on them.
	 */
	void close() {
		this.group.shutdownGracefully(0, 5, TimeUnit.SECONDS);
	}

	/**
	 * Return the transport.
	 * @return the transport these loops run
	 */
	Transport transport() {
		return this.transport;
	}

	/**
	 * Event-loop threads as Reactor Netty makes them: Netty's fast thread-locals, daemon,
	 * and marked {@link NonBlocking}, so that Reactor refuses {@code block()} on them and
	 * BlockHound watches them.
	 */
	private static final class EventLoopThreads implements ThreadFactory {

		private final String prefix;

		private final AtomicInteger count = new AtomicInteger();

		EventLoopThreads(String prefix) {
			this.prefix = prefix;
		}

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new EventLoopThread(task, this.prefix + "-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

	private static final class EventLoopThread extends FastThreadLocalThread implements NonBlocking {

		EventLoopThread(Runnable task, String name) {
			super(task, name);
		}

	}

}
