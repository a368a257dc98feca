package dev.iomodels.mvc.about;

import dev.iomodels.service.ApiDocument;
import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.ServiceInfoFactory;
import dev.iomodels.service.TransportInUse;
import dev.iomodels.service.WorkerSettings;
import dev.iomodels.storage.ObjectStore;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AboutController {

	private final ServiceInfoFactory infoFactory;

	private final WorkerSettings workers;

	private final TransportInUse transport;

	private final String backend;

	private final JsonResponses json;

	private final ApiDocument document = new ApiDocument();

	AboutController(ServiceInfoFactory infoFactory, WorkerSettings workers, TransportInUse transport, ObjectStore store,
			JsonResponses json) {
		this.infoFactory = infoFactory;
		this.workers = workers;
		this.transport = transport;
		this.backend = store.backend();
		this.json = json;
	}

	/**
	 * The info, built for each request because the transport's observed class is only
	 * known once the server runs.
	 */
	@GetMapping(path = "/info", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> info() {
		return this.json.ok(this.infoFactory.create(this.workers, this.transport, this.backend));
	}

	@GetMapping(path = "/openapi.yaml", produces = "application/yaml")
	ResponseEntity<byte[]> openApi() {
		return this.document.response();
	}

}
