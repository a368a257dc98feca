package dev.iomodels.mvc.storage;

import java.util.Set;

import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors that Tomcat raises outside Spring MVC's handlers (for example a request
 * Tomcat refuses after mapping it to the application) with the same problem JSON as every
 * other error, in place of Spring Boot's default error body.
 */
@RestController
class ProblemErrorController implements ErrorController {

	private final JsonResponses json;

	ProblemErrorController(JsonResponses json) {
		this.json = json;
	}

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<byte[]> error(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		int code = (status instanceof Integer value) ? value : 500;
		String path = (uri instanceof String value) ? value : request.getRequestURI();
		return this.json
			.of(Problems.ofFrameworkError(HttpStatusCode.valueOf(code), request.getMethod(), Set.of(), path));
	}

}
