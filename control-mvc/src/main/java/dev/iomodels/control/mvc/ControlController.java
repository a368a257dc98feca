package dev.iomodels.control.mvc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The storage API's routes answered with constants: what a request costs on this stack
 * and I/O model when the project's code does nothing. Each storage route waits the
 * emulated latency first, once, as a service's storage operation does; the info route
 * does not wait, as in the services.
 */
@RestController
@RequestMapping("/api/v1")
class ControlController {

	private static final ObjectPage EMPTY_PAGE = new ObjectPage(List.of(), null);

	private final byte[] payload;

	private final EmulatedLatency latency;

	private final ControlModel model;

	private final String application;

	ControlController(ControlProperties properties, EmulatedLatency latency, ControlModel model,
			@Value("${spring.application.name}") String application) {
		// Created once: every GET sends these very bytes.
		this.payload = new byte[Math.toIntExact(properties.payloadSize().toBytes())];
		this.latency = latency;
		this.model = model;
		this.application = application;
	}

	@GetMapping("/objects/{key}")
	ResponseEntity<byte[]> get() {
		this.latency.await();
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(this.payload);
	}

	@PutMapping("/objects/{key}")
	@ResponseStatus(HttpStatus.CREATED)
	void put(InputStream body) throws IOException {
		body.transferTo(OutputStream.nullOutputStream());
		this.latency.await();
	}

	@DeleteMapping("/objects/{key}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete() {
		this.latency.await();
	}

	@GetMapping("/objects")
	ObjectPage list() {
		this.latency.await();
		return EMPTY_PAGE;
	}

	@GetMapping("/info")
	ControlInfo info() {
		Thread thread = Thread.currentThread();
		return new ControlInfo(this.application, true, this.model.id(), this.latency.emulatedLatency().toString(),
				this.payload.length, Map.of("name", thread.getName(), "virtual", thread.isVirtual()));
	}

	/**
	 * A page of the listing, always empty: the control stores nothing.
	 *
	 * @param items the objects, none
	 * @param nextCursor none
	 */
	record ObjectPage(List<Object> items, String nextCursor) {

	}

	/**
	 * What this process is, so that a report can tell a control from a service.
	 *
	 * @param service the application name
	 * @param control always {@code true}
	 * @param model the I/O model id, as the services report theirs
	 * @param emulatedLatency the wait before every storage route's answer (ISO-8601)
	 * @param payloadSize the length of every GET's body
	 * @param requestThread the thread that ran this request: its {@code name} and whether
	 * it is {@code virtual}
	 */
	record ControlInfo(String service, boolean control, String model, String emulatedLatency, int payloadSize,
			Map<String, Object> requestThread) {

	}

}
