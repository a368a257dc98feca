package dev.iomodels.webflux.about;

import dev.iomodels.service.ApiDocument;
import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.ServiceInfoFactory;
import dev.iomodels.service.WorkerSettings;
import dev.iomodels.storage.ReactiveObjectStore;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the service tells about itself: its settings and the API description. Both are
 * built once at startup; reading the document is blocking classpath I/O, which has no
 * place on an event-loop thread.
 */
@RestController
@RequestMapping("/api/v1")
class AboutController {

	private final ResponseEntity<byte[]> info;

	private final ApiDocument document = new ApiDocument();

	AboutController(ServiceInfoFactory infoFactory, WorkerSettings workers, ReactiveObjectStore store,
			JsonMapper mapper) {
		this.info = new JsonResponses(mapper).ok(infoFactory.create(workers, store.backend()));
	}

	@GetMapping(path = "/info", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<byte[]>> info() {
		return Mono.just(this.info);
	}

	@GetMapping(path = "/openapi.yaml", produces = "application/yaml")
	Mono<ResponseEntity<byte[]>> openApi() {
		return Mono.just(this.document.response());
	}

}
