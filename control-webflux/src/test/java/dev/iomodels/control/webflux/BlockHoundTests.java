package dev.iomodels.control.webflux;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Proves that BlockHound is installed for the whole test run (by
 * {@code blockhound-junit-platform}), so that a blocking call on an event-loop thread in
 * the other tests fails them.
 */
class BlockHoundTests {

	@Test
	void blockingOnANettyEventLoopThreadFails() throws Exception {
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		try {
			Future<?> sleep = group.submit(() -> {
				try {
					Thread.sleep(1);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> sleep.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(BlockingOperationError.class);
		}
		finally {
			group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
		}
	}

}
