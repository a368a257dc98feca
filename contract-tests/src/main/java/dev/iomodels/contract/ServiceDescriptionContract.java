package dev.iomodels.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.iomodels.contract.ApiAssertions.assertStatus;
import static dev.iomodels.contract.ApiAssertions.json;
import static dev.iomodels.contract.ApiAssertions.text;
import static dev.iomodels.contract.ContractHttp.describe;
import static dev.iomodels.contract.ContractHttp.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service says about itself: /api/v1/info and the OpenAPI document.
 * <p>
 * A section of {@link StorageApiContractTests}, run by it as its {@code @Nested} class
 * {@code ServiceDescription}.
 */
abstract class ServiceDescriptionContract {

	/** The test's client of the service. */
	private final ContractClient client;

	/** What the service must report about itself. */
	private final ServiceUnderTest service;

	ServiceDescriptionContract(ContractClient client, ServiceUnderTest service) {
		this.client = client;
		this.service = service;
	}

	@Test
	void infoDescribesServiceModelRuntimeAndLimits() {
		HttpResponse<byte[]> response = this.client.send(this.client.api("/api/v1/info").GET());
		assertStatus(response, 200);
		JsonNode info = json(response);
		assertThat(text(info, "service")).isNotBlank();
		assertThat(text(info, "model")).isEqualTo(this.service.model());
		JsonNode transport = info.path("transport");
		assertThat(text(transport, "name")).as(info.toString()).isEqualTo(this.service.transport());
		assertThat(text(transport, "mechanism")).as(info.toString()).isNotBlank();
		assertThat(text(transport, "pattern")).as(info.toString()).isIn("reactor", "proactor");
		// The class the running server uses, recorded once it started: a Java class name.
		assertThat(text(transport, "observed")).as(info.toString()).matches("[a-z][\\w.]*\\.[A-Z]\\w*");
		assertThat(text(info, "java")).isNotBlank().isEqualTo(Runtime.version().toString());
		JsonNode jvm = info.path("jvm");
		assertThat(jvm.propertyNames()).as(info.toString())
			.containsExactlyInAnyOrder("maxHeapBytes", "garbageCollectors", "availableProcessors");
		assertThat(jvm.path("maxHeapBytes").longValue()).as(info.toString()).isPositive();
		assertThat(jvm.path("availableProcessors").intValue()).as(info.toString()).isPositive();
		assertThat(jvm.path("garbageCollectors").isArray()).as(info.toString()).isTrue();
		assertThat(jvm.path("garbageCollectors").size()).as(info.toString()).isPositive();
		assertThat(text(info, "backend")).isEqualTo(this.service.backend());
		assertThat(info.path("backendSettings").isObject()).as(info.toString()).isTrue();
		assertThat(info.path("backendSettings").propertyNames()).as(info.toString())
			.containsExactlyInAnyOrderElementsOf(this.service.backendSettings());
		assertThat(text(info, "emulatedLatency")).isEqualTo("PT0S");
		assertThat(text(info, "emulatedLatencyJitter")).isEqualTo("PT0S");
		JsonNode limits = info.path("limits");
		assertThat(limits.isObject()).as(info.toString()).isTrue();
		assertThat(limits.path("maxObjectSize").isIntegralNumber()).as(info.toString()).isTrue();
		assertThat(limits.path("maxObjectSize").longValue()).isEqualTo(LimitsContract.MAX_OBJECT_SIZE);
		assertThat(limits.path("maxObjects").isIntegralNumber()).as(info.toString()).isTrue();
		assertThat(limits.path("maxObjects").longValue()).isPositive();
		assertThat(limits.path("maxBytes").isIntegralNumber()).as(info.toString()).isTrue();
		// The value the suite runs the service with, not the default: info reports the
		// settings in effect.
		assertThat(limits.path("maxBytes").longValue()).as(info.toString()).isEqualTo(16L * 1024 * 1024);
		JsonNode server = info.path("server");
		assertThat(server.isObject()).as(info.toString()).isTrue();
		// Every iomodels.server.* setting of the fairness table, and the storage timeout
		// and write token that stand beside them there.
		assertThat(server.propertyNames()).as(info.toString())
			.containsExactlyInAnyOrder("transport", "maxConnections", "acceptBacklog", "keepAliveTimeout",
					"maxKeepAliveRequests", "maxRequestHeaderSize", "connectionTimeout", "requestTimeout",
					"requestHeadTimeout", "responseWriteTimeout", "maxConcurrentRequests", "maxBufferedRequestBytes",
					"storageOperationTimeout", "writesNeedToken", "workers", "workerThreads");
		assertThat(text(server, "transport")).isEqualTo(this.service.transport());
		assertThat(server.path("maxConnections").longValue()).as(info.toString()).isPositive();
		assertThat(server.path("acceptBacklog").longValue()).as(info.toString()).isPositive();
		assertThat(Duration.parse(text(server, "keepAliveTimeout"))).isPositive();
		assertThat(Duration.parse(text(server, "connectionTimeout"))).isPositive();
		assertThat(Duration.parse(text(server, "requestTimeout"))).isNotEqualTo(Duration.ZERO);
		assertThat(Duration.parse(text(server, "requestHeadTimeout"))).isPositive();
		assertThat(Duration.parse(text(server, "responseWriteTimeout"))).isPositive();
		assertThat(Duration.parse(text(server, "storageOperationTimeout"))).isPositive();
		assertThat(server.path("maxKeepAliveRequests").isIntegralNumber()).as(info.toString()).isTrue();
		assertThat(server.path("maxConcurrentRequests").isIntegralNumber()).as(info.toString()).isTrue();
		assertThat(server.path("maxBufferedRequestBytes").isIntegralNumber()).as(info.toString()).isTrue();
		assertThat(server.path("maxRequestHeaderSize").longValue()).as(info.toString()).isPositive();
		assertThat(server.path("writesNeedToken").isBoolean()).as(info.toString()).isTrue();
		assertThat(server.path("writesNeedToken").booleanValue()).as(info.toString()).isFalse();
		assertThat(text(server, "workers")).isNotBlank();
		assertThat(server.path("workerThreads").longValue()).as(info.toString()).isPositive();
	}

	@Test
	void openApiDocumentIsServedAsYaml() {
		HttpResponse<byte[]> response = this.client.send(this.client.api("/api/v1/openapi.yaml").GET());
		assertStatus(response, 200);
		assertThat(header(response, "Content-Type")).as(describe(response)).startsWith("application/yaml");
		String document = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(document).startsWith("openapi: 3.1").contains("/api/v1/objects/{key}");
		// Byte for byte the document shared-domain ships, which OpenApiDocumentTests
		// checks.
		assertThat(response.body()).as("the served document is shared-domain's")
			.isEqualTo(classpathResource("openapi/storage-api-v1.yaml"));
	}

	private static byte[] classpathResource(String location) {
		try (InputStream in = ServiceDescriptionContract.class.getClassLoader().getResourceAsStream(location)) {
			assertThat(in).as("%s on the classpath", location).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
