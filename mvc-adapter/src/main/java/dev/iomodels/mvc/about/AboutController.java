package dev.iomodels.mvc.about;

import dev.iomodels.service.ApiDocument;
import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.ServiceInfoFactory;
import dev.iomodels.service.WorkerSettings;
import dev.iomodels.storage.ObjectStore;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AboutController {

	private final ResponseEntity<byte[]> info;

	private final ApiDocument document = new ApiDocument();

	AboutController(ServiceInfoFactory infoFactory, WorkerSettings workers, ObjectStore store, JsonMapper mapper) {
		this.info = new JsonResponses(mapper).ok(infoFactory.create(workers, store.backend()));
	}

	@GetMapping(path = "/info", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> info() {
		return this.info;
	}

	@GetMapping(path = "/openapi.yaml", produces = "application/yaml")
	ResponseEntity<byte[]> openApi() {
		return this.document.response();
	}

}
