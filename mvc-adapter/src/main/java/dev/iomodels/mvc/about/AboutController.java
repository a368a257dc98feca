package dev.iomodels.mvc.about;

import dev.iomodels.service.ApiDocument;
import dev.iomodels.service.ServiceInfo;
import dev.iomodels.service.ServiceInfoFactory;
import dev.iomodels.service.WorkerSettings;
import dev.iomodels.storage.ObjectStore;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AboutController {

	private final ServiceInfo info;

	private final ApiDocument document = new ApiDocument();

	AboutController(ServiceInfoFactory infoFactory, WorkerSettings workers, ObjectStore store) {
		this.info = infoFactory.create(workers, store.backend());
	}

	@GetMapping("/info")
	ServiceInfo info() {
		return this.info;
	}

	@GetMapping("/openapi.yaml")
	ResponseEntity<byte[]> openApi() {
		return this.document.response();
	}

}
