package dev.iomodels.mvc.storage;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;

/**
 * Writes a problem from a servlet filter, which runs outside the dispatcher where the
 * exception handlers cannot reach.
 */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static void write(ResponseEntity<byte[]> problem, HttpServletResponse response) throws IOException {
		response.setStatus(problem.getStatusCode().value());
		problem.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		response.setContentLength(problem.getBody().length);
		response.getOutputStream().write(problem.getBody());
	}

}
