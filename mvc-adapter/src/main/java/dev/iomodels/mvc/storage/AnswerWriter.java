package dev.iomodels.mvc.storage;

import java.io.IOException;

import dev.iomodels.service.Answer;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes an {@link Answer} onto Tomcat's response as it was built: no message converter
 * sees it, so a stored Content-Type that Spring's parser would refuse
 * ({@code application/json; q=x}) goes out verbatim, as on WebFlux. The body of a HEAD
 * request is dropped by the servlet's HEAD handling, and the Content-Length set here
 * still tells the object's size.
 */
final class AnswerWriter {

	private AnswerWriter() {
	}

	static void write(Answer answer, HttpServletResponse response) throws IOException {
		response.setStatus(answer.status());
		for (Answer.Header header : answer.headers()) {
			response.addHeader(header.name(), header.value());
		}
		if (answer.hasBody()) {
			response.getOutputStream().write(answer.body());
		}
	}

}
