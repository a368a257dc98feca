package dev.iomodels.control.webflux;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The storage API's routes answered with constants: what a request costs on the event
 * loop when the project's code does nothing. Each storage route waits the emulated
 * latency first, once, as a service's storage operation does; the info route does not
 * wait, as in the services. Nothing here blocks: the handlers run on the event loop.
 */
@RestController
@RequestMapping("/api/v1")
class ControlController {

	private static final ObjectPage EMPTY_PAGE = new ObjectPage(List.of(), null);

	private final byte[] payload;

	private final EmulatedLatency latency;

	private final String application;

	ControlController(ControlProperties properties, EmulatedLatency latency,
			@Value("${spring.application.name}") String application) {
		// Created once: every GET sends these very bytes.
		this.payload = new byte[Math.toIntExact(properties.payloadSize().toBytes())];
		this.latency = latency;
		this.application = application;
	}

	@GetMapping("/objects/{key}")
	Mono<ResponseEntity<byte[]>> get() {
		return this.latency
			.answer(ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(this.payload));
	}

	@PutMapping("/objects/{key}")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Void> put(ServerHttpRequest request) {
		return request.getBody().doOnNext(DataBufferUtils::release).then(this.latency.await());
	}

	@DeleteMapping("/objects/{key}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete() {
		return this.latency.await();
	}

	@GetMapping("/objects")
	Mono<ObjectPage> list() {
		return this.latency.answer(EMPTY_PAGE);
	}

	@GetMapping("/info")
	Mono<ControlInfo> info() {
		Thread thread = Thread.currentThread();
		return Mono
			.just(new ControlInfo(this.application, true, "event-loop", this.latency.emulatedLatency().toString(),
					this.payload.length, Map.of("name", thread.getName(), "virtual", thread.isVirtual())));
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
	 * @param requestThread the thread that ran the handler: its {@code name} and whether
	 * it is {@code virtual}
	 */
	record ControlInfo(String service, boolean control, String model, String emulatedLatency, int payloadSize,
			Map<String, Object> requestThread) {

	}

}
