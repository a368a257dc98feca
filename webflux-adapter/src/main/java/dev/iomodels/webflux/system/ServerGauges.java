package dev.iomodels.webflux.system;

import java.net.SocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import reactor.netty.ChannelPipelineConfigurer;
import reactor.netty.ConnectionObserver;

/**
 * The event-loop server's own gauges, under the names Reactor Netty gives them, so that
 * the dashboards read the same series: the connections open on the API server
 * ({@code reactor.netty.http.server.connections.total}), the tasks waiting on each event
 * loop ({@code reactor.netty.eventloop.pending.tasks}, tagged with the loop's thread
 * name), and the memory the connections' buffer allocator holds
 * ({@code reactor.netty.bytebuf.allocator.used.heap.memory} and
 * {@code ...used.direct.memory}).
 * <p>
 * Reactor Netty registers these itself only through {@code HttpServer.metrics(true, …)},
 * which also records a response-time timer and two byte counters for every request, each
 * with an observation of its own. Those were the largest single cost of webflux's request
 * path in a profile (docs/benchmarking.md), and they measured the requests a second time:
 * {@code http_server_requests} measures them once, on every service. Everything here is
 * done once per connection (a set lookup) or when Prometheus scrapes, never per request.
 */
final class ServerGauges implements ChannelPipelineConfigurer {

	private final MeterRegistry registry;

	private final Set<EventExecutor> loops = ConcurrentHashMap.newKeySet();

	private final Set<ByteBufAllocator> allocators = ConcurrentHashMap.newKeySet();

	/**
	 * Register the connections gauge and watch for event loops and allocators as
	 * connections arrive.
	 * @param registry where the gauges go
	 * @param connections the API server's connection count, kept for its limit
	 */
	ServerGauges(MeterRegistry registry, ConnectionLimit connections) {
		this.registry = registry;
		Gauge.builder("reactor.netty.http.server.connections.total", connections, ConnectionLimit::openConnections)
			.description("Connections open on the API server, idle keep-alive connections included")
			.register(registry);
	}

	@Override
	public void onChannelInit(ConnectionObserver observer, Channel channel, SocketAddress remoteAddress) {
		if (channel.parent() == null) {
			return;
		}
		if (this.loops.add(channel.eventLoop()) && channel.eventLoop() instanceof SingleThreadEventExecutor loop) {
			// Runs on that loop (a channel is initialized on its own event loop), so its
			// thread is known without waiting.
			Gauge.builder("reactor.netty.eventloop.pending.tasks", loop, SingleThreadEventExecutor::pendingTasks)
				.description("Tasks waiting to run on an event loop")
				.tag("name", loop.threadProperties().name())
				.register(this.registry);
		}
		ByteBufAllocator allocator = channel.alloc();
		if (this.allocators.add(allocator) && allocator instanceof ByteBufAllocatorMetricProvider provider) {
			ByteBufAllocatorMetric metric = provider.metric();
			String id = Integer.toString(allocator.hashCode());
			String type = (allocator instanceof PooledByteBufAllocator) ? "pooled" : "unpooled";
			Gauge
				.builder("reactor.netty.bytebuf.allocator.used.heap.memory", metric,
						ByteBufAllocatorMetric::usedHeapMemory)
				.description("Heap memory the connections' buffer allocator holds")
				.tags("id", id, "type", type)
				.register(this.registry);
			Gauge
				.builder("reactor.netty.bytebuf.allocator.used.direct.memory", metric,
						ByteBufAllocatorMetric::usedDirectMemory)
				.description("Direct memory the connections' buffer allocator holds")
				.tags("id", id, "type", type)
				.register(this.registry);
		}
	}

}
