package dev.iomodels.mvc.contract;

import java.net.URI;
import java.time.Duration;

import dev.iomodels.contract.StorageApiContractTests;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API contract against a service that runs the MVC adapter on Tomcat (classic and
 * loom), plus what only Tomcat has: its API connector. A service's base class adds
 * {@code @SpringBootTest} and what is its own (its model, classic's pool); one subclass
 * per transport then checks the connector in use.
 */
public abstract class TomcatServiceContractTests extends StorageApiContractTests {

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
	}

}
