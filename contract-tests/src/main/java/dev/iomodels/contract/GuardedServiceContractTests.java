package dev.iomodels.contract;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The guards every service puts in front of the API, over real HTTP: the bearer token for
 * writes, the overload bound, the request timeout and the storage operation timeout.
 * Every service must pass it, with the same answers; its tests are in sections by guard,
 * each written in a file of its own ({@code BearerTokenContract}, ...) and run here by a
 * one-line {@code @Nested} subclass.
 * <p>
 * A service runs it with one subclass annotated {@link GuardedSpringBootTest}, which
 * starts the service with a token, at most {@value #MAX_REQUESTS} requests and 1 MB of
 * buffered bodies admitted at once, three seconds for a request's body to arrive, and a
 * storage whose every operation takes longer than the storage operation timeout, so that
 * each admitted request is held for that timeout and then answered 504
 * {@code storage-timeout}. That makes the overload deterministic enough to test without a
 * single timing assertion: requests sent at once either wait for the timeout or are
 * refused at once. Where the service listens comes from {@link RunningServerExtension}.
 */
@ExtendWith(RunningServerExtension.class)
public abstract class GuardedServiceContractTests {

	/** The most requests admitted at once. */
	public static final int MAX_REQUESTS = 4;

	/** The token the tests present; a test value, not a secret of any deployment. */
	public static final String TOKEN = "contract-test-token";

	/**
	 * The object the guards' tests ask for, which the slow storage never answers in time.
	 */
	static final String OBJECT = "/api/v1/objects/guarded";

	/** The test's client of the service, which every section of this instance shares. */
	private final ContractClient client = new ContractClient();

	@BeforeEach
	void connect(RunningServer server) {
		this.client.connect(server);
	}

	/**
	 * The OpenAPI document the service serves must describe every answer of the guards:
	 * each must be one its operation lists, with the headers and the body the document
	 * declares for it.
	 */
	@AfterEach
	void everyAnswerIsDescribedByTheServedOpenApiDocument() {
		this.client.assertEveryAnswerIsDescribedByTheServedDocument();
	}

	@Nested
	class Settings extends GuardSettingsContract {

		Settings() {
			super(GuardedServiceContractTests.this.client);
		}

	}

	@Nested
	class BearerToken extends BearerTokenContract {

		BearerToken() {
			super(GuardedServiceContractTests.this.client);
		}

	}

	@Nested
	class StorageTimeout extends StorageTimeoutContract {

		StorageTimeout() {
			super(GuardedServiceContractTests.this.client);
		}

	}

	@Nested
	class RequestTimeout extends RequestTimeoutContract {

		RequestTimeout() {
			super(GuardedServiceContractTests.this.client);
		}

	}

	@Nested
	class Overload extends OverloadContract {

		Overload() {
			super(GuardedServiceContractTests.this.client);
		}

	}

}
