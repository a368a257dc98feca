package dev.iomodels.contract;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP contract of the storage API, v1, which every service must pass. It talks real
 * HTTP/1.1 to a running service, so it specifies what a client sees on the wire, not how
 * a framework is called. Its tests are in sections by concern, one {@code @Nested} class
 * each: keys, writes, reads, deletes, conditional requests, limits, listing, refusals,
 * the service's description of itself, connections, management, and the API server's own
 * checks, which come from the service's web stack. Each section is written in a file of
 * its own ({@code KeysContract}, {@code WritesContract}, ...) and is run here by a
 * one-line {@code @Nested} subclass, so that JUnit's tree shows each section under the
 * implementation that ran it (Surefire's console does not: {@link ContractSectionLog}).
 * <p>
 * A service runs it with one small subclass per implementation (backend, transport):
 * {@link ContractSpringBootTest} to start the service, any property that differs, and a
 * constructor that says what the service must report, e.g.
 *
 * <pre class="code">
 * &#64;ContractSpringBootTest
 * &#64;TestPropertySource(properties = "iomodels.server.transport=nio2")
 * class ClassicOnNio2ContractTests extends StorageApiContractTests {
 *
 *     ClassicOnNio2ContractTests() {
 *         super(TomcatServer.platformThreads(200).onTransport("nio2"));
 *     }
 *
 * }
 * </pre>
 *
 * Where the service listens comes from {@link RunningServerExtension}. All tests of a
 * class share one server; each writes only keys under a random prefix of its own, so none
 * sees another's objects, and the tests that store whole mebibytes delete them again.
 * Every answer a test receives must be described by the OpenAPI document the service
 * serves: its status, its documented headers and its JSON body.
 */
@ExtendWith(RunningServerExtension.class)
public abstract class StorageApiContractTests {

	/** What the service must report, and its web stack's checks. */
	private final ServiceUnderTest service;

	/** The test's client of the service, which every section of this instance shares. */
	private final ContractClient client = new ContractClient();

	/**
	 * Run the contract against a service.
	 * @param service what the service must report about itself, and its web stack
	 */
	protected StorageApiContractTests(ServiceUnderTest service) {
		this.service = service;
	}

	@BeforeEach
	void connect(RunningServer server) {
		this.client.connect(server);
	}

	/**
	 * The OpenAPI document the service serves must describe what the service does: every
	 * answer a test received on a documented path must be one its operation lists, with
	 * the headers and the body the document declares for it.
	 */
	@AfterEach
	void everyAnswerIsDescribedByTheServedOpenApiDocument() {
		this.client.assertEveryAnswerIsDescribedByTheServedDocument();
	}

	@Nested
	class Keys extends KeysContract {

		Keys() {
			super(StorageApiContractTests.this.client);
		}

	}

	@Nested
	class Writes extends WritesContract {

		Writes() {
			super(StorageApiContractTests.this.client);
		}

	}

	@Nested
	class Reads extends ReadsContract {

		Reads() {
			super(StorageApiContractTests.this.client);
		}

	}

	@Nested
	class Deletes extends DeletesContract {

		Deletes() {
			super(StorageApiContractTests.this.client);
		}

	}

	@Nested
	class ConditionalRequests extends ConditionalRequestsContract {

		ConditionalRequests() {
			super(StorageApiContractTests.this.client);
		}

	}

	@Nested
	class Limits extends LimitsContract {

		Limits() {
			super(StorageApiContractTests.this.client);
		}

	}

	@Nested
	class Listing extends ListingContract {

		Listing() {
			super(StorageApiContractTests.this.client);
		}

	}

	@Nested
	class Refusals extends RefusalsContract {

		Refusals() {
			super(StorageApiContractTests.this.client);
		}

	}

	@Nested
	class ServiceDescription extends ServiceDescriptionContract {

		ServiceDescription() {
			super(StorageApiContractTests.this.client, StorageApiContractTests.this.service);
		}

	}

	@Nested
	class Connections extends ConnectionsContract {

		Connections() {
			super(StorageApiContractTests.this.client);
		}

	}

	@Nested
	class Management extends ManagementContract {

		Management() {
			super(StorageApiContractTests.this.client);
		}

	}

	@Nested
	class ApiServer extends ApiServerContract {

		ApiServer() {
			super(StorageApiContractTests.this.client, StorageApiContractTests.this.service);
		}

	}

}
