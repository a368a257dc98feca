package dev.iomodels.webflux;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Proves that BlockHound is installed for the whole test run (by
 * {@code blockhound-junit-platform}) and works on this JDK, so that a blocking call on an
 * event-loop thread anywhere in the other tests, the contract suite included, fails them.
 */
class BlockHoundTests {

	@Test
	void blockingOnAReactorParallelThreadFails() {
		Mono<Void> sleep = Mono.<Void>fromRunnable(BlockHoundTests::sleep).subscribeOn(Schedulers.parallel());
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> sleep.block(Duration.ofSeconds(10)))
			.satisfies((ex) -> assertThat(ex).hasRootCauseInstanceOf(BlockingOperationError.class));
	}

	@Test
	void blockingOnANettyEventLoopThreadFails() throws Exception {
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		try {
			Future<?> sleep = group.submit(BlockHoundTests::sleep);
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> sleep.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(BlockingOperationError.class);
		}
		finally {
			group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void blockingOnAnOrdinaryThreadIsAllowed() {
		sleep();
	}

	private static void sleep() {
		try {
			Thread.sleep(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
