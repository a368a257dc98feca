package dev.iomodels.classic;

import java.net.URI;
import java.time.Duration;

import dev.iomodels.contract.StorageApiContractTests;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API contract, over real HTTP, against classic-service; one subclass per transport.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "storage.max-bytes=16MB", "management.server.port=0" })
abstract class ClassicServiceContractTests extends StorageApiContractTests {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private WebServerApplicationContext context;

	@Override
	protected URI apiBaseUri() {
		return URI.create("http://localhost:" + this.port);
	}

	@Override
	protected URI managementBaseUri() {
		return URI.create("http://localhost:" + this.managementPort);
	}

	@Override
	protected String expectedModel() {
		return "platform-threads";
	}

	/**
	 * Return the protocol handler of the running API connector.
	 * @return the handler
	 */
	protected ProtocolHandler protocolHandler() {
		return ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector().getProtocolHandler();
	}

	/**
	 * Return the name the API connector gave its threads: its name as it was before it
	 * bound a random port.
	 * @return e.g. {@code http-nio2-auto-1}
	 */
	protected String connectorName() {
		String name = ((AbstractProtocol<?>) protocolHandler()).getName().replace("\"", "");
		String port = "-" + this.port;
		return name.endsWith(port) ? name.substring(0, name.length() - port.length()) : name;
	}

	/**
	 * The running API connector has the settings of the fairness table, and they are the
	 * ones {@code /api/v1/info} reports: the values come from {@code iomodels.server.*},
	 * not from Tomcat's or Spring Boot's own defaults (8192 connections, a backlog of
	 * 100, 100 requests per connection).
	 */
	@Test
	void theApiConnectorRunsWithTheFairnessSettingsThatInfoReports() {
		JsonNode server = info().path("server");
		AbstractHttp11Protocol<?> http = (AbstractHttp11Protocol<?>) protocolHandler();
		assertThat(http.getMaxConnections()).as(server.toString())
			.isEqualTo(server.path("maxConnections").intValue())
			.isEqualTo(16384);
		assertThat(http.getAcceptCount()).as(server.toString())
			.isEqualTo(server.path("acceptBacklog").intValue())
			.isEqualTo(1024);
		assertThat(Duration.ofMillis(http.getKeepAliveTimeout())).as(server.toString())
			.isEqualTo(Duration.parse(server.path("keepAliveTimeout").stringValue()))
			.isEqualTo(Duration.ofSeconds(20));
		assertThat(Duration.ofMillis(http.getConnectionTimeout())).as(server.toString())
			.isEqualTo(Duration.parse(server.path("connectionTimeout").stringValue()))
			.isEqualTo(Duration.ofSeconds(20));
		assertThat(http.getMaxKeepAliveRequests()).as(server.toString())
			.isEqualTo(server.path("maxKeepAliveRequests").intValue())
			.isEqualTo(-1);
		assertThat(http.getMaxHttpRequestHeaderSize()).as(server.toString())
			.isEqualTo(server.path("maxRequestHeaderSize").intValue())
			.isEqualTo(8192);
		// The platform pool is the one setting that is the I/O model itself.
		assertThat(http.getMaxThreads()).as(server.toString())
			.isEqualTo(server.path("workerThreads").intValue())
			.isEqualTo(200);
	}

}
