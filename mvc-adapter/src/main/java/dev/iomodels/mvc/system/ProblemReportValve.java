package dev.iomodels.mvc.system;

import java.io.IOException;
import java.util.Set;

import dev.iomodels.service.Problems;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.http.RequestPaths;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Renders the errors that Tomcat answers itself, before a request reaches the application
 * (a path it cannot decode, for example), as the same problem JSON as every other error,
 * in place of Tomcat's HTML error page.
 */
class ProblemReportValve extends ErrorReportValve {

	private final JsonMapper json;

	ProblemReportValve(JsonMapper json) {
		this.json = json;
	}

	private static ProblemDetail problem(int status, Request request) {
		// The path exactly as received: Tomcat may not have decoded it.
		String path = request.getCoyoteRequest().requestURI().toString();
		if (status == 400) {
			// Most requests Tomcat refuses itself break the path rule that the services
			// share; say which part, as the other services do.
			try {
				RequestPaths.check(path);
			}
			catch (ProblemException ex) {
				return Problems.of(ex, path).getBody();
			}
		}
		return Problems.ofFrameworkError(HttpStatusCode.valueOf(status), request.getMethod(), Set.of(), path).getBody();
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		if (status == 501 || status == 505) {
			// Tomcat's answers to a transfer coding it does not implement (gzip, say) and
			// to a request line whose protocol it cannot read ("HTTP/1.1" followed by a
			// bare CR, say): a client's mistake here, and a 400 on Reactor Netty, not a
			// fault of the service.
			status = 400;
			response.setStatus(status);
		}
		ProblemDetail problem = problem(status, request);
		try {
			byte[] body = this.json.writeValueAsBytes(problem);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response was committed meanwhile: nothing to add.
		}
	}

}
