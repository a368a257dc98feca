package dev.iomodels.webflux.about;

import dev.iomodels.service.ApiDocument;
import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.ServiceInfoFactory;
import dev.iomodels.service.TransportInUse;
import dev.iomodels.service.WorkerSettings;
import dev.iomodels.storage.ReactiveObjectStore;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the service tells about itself: its settings and the API description. The document
 * is read once at startup; reading it is blocking classpath I/O, which has no place on an
 * event-loop thread.
 */
@RestController
@RequestMapping("/api/v1")
class AboutController {

	private final ServiceInfoFactory infoFactory;

	private final WorkerSettings workers;

	private final TransportInUse transport;

	private final String backend;

	private final JsonResponses json;

	private final ApiDocument document = new ApiDocument();

	AboutController(ServiceInfoFactory infoFactory, WorkerSettings workers, TransportInUse transport,
			ReactiveObjectStore store, JsonResponses json) {
		this.infoFactory = infoFactory;
		this.workers = workers;
		this.transport = transport;
		this.backend = store.backend();
		this.json = json;
	}

	/**
	 * The info, built for each request (a small JSON document, no I/O) because the
	 * transport's observed server channel is only known once the server has bound.
	 */
	@GetMapping(path = "/info", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<byte[]>> info() {
		return Mono
			.fromSupplier(() -> this.json.ok(this.infoFactory.create(this.workers, this.transport, this.backend)));
	}

	@GetMapping(path = "/openapi.yaml", produces = "application/yaml")
	Mono<ResponseEntity<byte[]>> openApi() {
		return Mono.just(this.document.response());
	}

}
