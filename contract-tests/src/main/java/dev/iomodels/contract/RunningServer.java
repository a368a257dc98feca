package dev.iomodels.contract;

import java.net.URI;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a service under the contract listens, as {@link RunningServerExtension} found it,
 * and, when the test started it, the Spring context it runs in.
 */
public final class RunningServer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI api;

	private final URI management;

	private final ApplicationContext context;

	RunningServer(URI api, URI management, ApplicationContext context) {
		this.api = api;
		this.management = management;
		this.context = context;
	}

	/**
	 * Return where the API listens.
	 * @return e.g. {@code http://localhost:8081}
	 */
	public URI api() {
		return this.api;
	}

	/**
	 * Return where the actuator endpoints listen.
	 * @return e.g. {@code http://localhost:9081}
	 */
	public URI management() {
		return this.management;
	}

	/**
	 * Return the Spring context of the service, for checks that look at its web server.
	 * @return the context
	 * @throws IllegalStateException if the service runs outside the test JVM
	 */
	public ApplicationContext applicationContext() {
		if (this.context == null) {
			throw new IllegalStateException("The service at " + this.api + " runs outside this JVM");
		}
		return this.context;
	}

	/**
	 * Return what the service reports at {@code /api/v1/info}.
	 * @return the info
	 */
	public JsonNode info() {
		HttpResponse<byte[]> response = ContractHttp.send(ContractHttp.request(this.api, "/api/v1/info").GET().build());
		assertThat(response.statusCode()).as(ContractHttp.describe(response)).isEqualTo(200);
		return JSON.readTree(response.body());
	}

}
