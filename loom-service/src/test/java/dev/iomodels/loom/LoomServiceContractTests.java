package dev.iomodels.loom;

import java.net.URI;

import dev.iomodels.contract.StorageApiContractTests;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.ProtocolHandler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The API contract, over real HTTP, against loom-service; one subclass per transport.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "storage.max-bytes=16MB", "management.server.port=0" })
abstract class LoomServiceContractTests extends StorageApiContractTests {

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
		return "virtual-threads";
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

}
