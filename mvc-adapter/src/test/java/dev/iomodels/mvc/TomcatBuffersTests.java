package dev.iomodels.mvc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code iomodels.tomcat.*} buffer sizes reach Tomcat's connector, and a response
 * larger than the servlet response's buffer still goes out whole, with its length.
 */
@SpringBootTest(classes = MvcAdapterTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "iomodels.tomcat.socket-read-buffer=4KB", "iomodels.tomcat.socket-write-buffer=16KB",
				"iomodels.tomcat.response-buffer=1KB", "iomodels.tomcat.max-response-header-size=2KB",
				"management.server.port=0", "spring.application.name=classic-service",
				"spring.config.import=classpath:iomodels-common.properties" })
class TomcatBuffersTests {

	@Autowired
	private ServletWebServerApplicationContext context;

	@LocalServerPort
	private int port;

	@Test
	void theConfiguredBufferSizesAreTheConnectors() {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();
		AbstractHttp11Protocol<?> http = (AbstractHttp11Protocol<?>) connector.getProtocolHandler();

		assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("4096");
		assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("16384");
		assertThat(http.getMaxHttpResponseHeaderSize()).isEqualTo(2048);
		// Tomcat sizes every servlet response's buffer by what the protocol asks for.
		assertThat(http.getDesiredBufferSize()).isEqualTo(1024);
	}

	@Test
	void anObjectLargerThanTheResponseBufferGoesOutWholeWithItsLength() throws Exception {
		byte[] object = new byte[5000];
		new Random(7).nextBytes(object);
		URI uri = URI.create("http://localhost:" + this.port + "/api/v1/objects/larger-than-the-buffer");
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<Void> put = client.send(HttpRequest.newBuilder(uri)
				.header("Content-Type", "application/octet-stream")
				.PUT(HttpRequest.BodyPublishers.ofByteArray(object))
				.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(put.statusCode()).isEqualTo(201);

			HttpResponse<byte[]> get = client.send(HttpRequest.newBuilder(uri).build(),
					HttpResponse.BodyHandlers.ofByteArray());

			assertThat(get.statusCode()).isEqualTo(200);
			assertThat(get.headers().firstValue("Content-Length")).hasValue("5000");
			assertThat(get.body()).isEqualTo(object);
		}
	}

}
