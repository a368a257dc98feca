package dev.iomodels.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The OpenAPI 3.1 description of the API, shipped in shared-domain and served by every
 * service at {@code /api/v1/openapi.yaml}. It is read once and served as bytes, so that
 * no framework's resource handling (ranges, caching headers) makes the services differ.
 */
public final class ApiDocument {

	/** Where the document lives on the classpath. */
	public static final String LOCATION = "openapi/storage-api-v1.yaml";

	/** The media type it is served as. */
	public static final MediaType APPLICATION_YAML = MediaType.parseMediaType("application/yaml");

	private final byte[] content;

	/**
	 * Load the document from the classpath.
	 */
	public ApiDocument() {
		try (InputStream in = ApiDocument.class.getClassLoader().getResourceAsStream(LOCATION)) {
			if (in == null) {
				throw new IllegalStateException("The OpenAPI document " + LOCATION + " is missing from the classpath");
			}
			this.content = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Answer a request for the document.
	 * @return 200 with the YAML
	 */
	public ResponseEntity<byte[]> response() {
		return ResponseEntity.ok().contentType(APPLICATION_YAML).body(this.content);
	}

}
