package dev.iomodels.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Starts the service of the annotated test class as {@link GuardedServiceContractTests}
 * needs it: on a random port with its management endpoints on another, a write token, at
 * most {@value GuardedServiceContractTests#MAX_REQUESTS} requests and 1 MB of buffered
 * bodies admitted at once, three seconds for a request's body to arrive, and a storage
 * whose every operation takes longer than the 600 ms storage operation timeout.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "storage.auth.token=" + GuardedServiceContractTests.TOKEN,
				"iomodels.server.max-concurrent-requests=" + GuardedServiceContractTests.MAX_REQUESTS,
				"iomodels.server.max-buffered-request-bytes=1MB", "iomodels.server.request-timeout=3s",
				"iomodels.server.connection-timeout=5s", "storage.emulated-latency=1h",
				"storage.operation-timeout=600ms", "management.server.port=0" })
public @interface GuardedSpringBootTest {

}
