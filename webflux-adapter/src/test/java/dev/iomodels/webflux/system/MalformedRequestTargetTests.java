package dev.iomodels.webflux.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request targets that no URI parser accepts, which the contract suite cannot send
 * ({@code java.net.URI} refuses to build them), over a raw socket. Same properties as the
 * contract test, so the two share one application context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "storage.max-bytes=16MB", "management.server.port=0" })
class MalformedRequestTargetTests {

	@LocalServerPort
	private int port;

	@Test
	void brokenPercentEscapeBreaksThePathRule() throws IOException {
		String response = exchange("GET /api/v1/objects/a%ZZ HTTP/1.1");
		assertThat(response).startsWith("HTTP/1.1 400 ")
			.contains("Content-Type: application/problem+json")
			.contains("\"type\":\"urn:io-models:problem:malformed-request\"")
			.contains("percent-escape")
			.contains("\"instance\":\"/api/v1/objects/a%25ZZ\"");
	}

	@Test
	void characterThatUrisDoNotAllowInAPathIsAMalformedRequest() throws IOException {
		String response = exchange("PUT /api/v1/objects/a[b HTTP/1.1");
		assertThat(response).startsWith("HTTP/1.1 400 ")
			.contains("Content-Type: application/problem+json")
			.contains("\"type\":\"urn:io-models:problem:malformed-request\"");
	}

	// Tomcat's request-line parser refuses these before any application code runs,
	// with a bare 400; so does this service, so that the three answer alike.
	@Test
	void characterThatTomcatsParserRefusesGetsABare400() throws IOException {
		for (String target : new String[] { "/api/v1/objects/a|b", "/api/v1/objects/caf\u00e9",
				"/api/v1/objects?prefix=a[b" }) {
			String response = exchange("PUT " + target + " HTTP/1.1");
			assertThat(response).as(target).startsWith("HTTP/1.1 400 ").containsIgnoringCase("content-length: 0");
		}
	}

	@Test
	void traceIsNotAllowedOnAnyPath() throws IOException {
		assertThat(exchange("TRACE /nowhere HTTP/1.1")).startsWith("HTTP/1.1 405 ")
			.contains("\"type\":\"urn:io-models:problem:method-not-allowed\"");
	}

	private String exchange(String requestLine) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write((requestLine + "\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
