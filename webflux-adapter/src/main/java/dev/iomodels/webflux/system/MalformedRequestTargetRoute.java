package dev.iomodels.webflux.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

import dev.iomodels.service.JsonResponses;
import dev.iomodels.service.Problems;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.http.RequestPaths;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Answers a request whose target is not a valid URI (a broken percent-escape such as
 * {@code %ZZ}, a character that URIs do not allow) with the API's problem instead of an
 * empty 400. Spring's Reactor Netty adapter refuses such a request before any filter or
 * handler runs; Tomcat refuses it as well, and the MVC adapter renders that refusal with
 * the path rule, as this route does: a Reactor Netty route, tried before Spring's.
 * <p>
 * Its predicate runs on every request, so it first does a cheap scan and parses the
 * target only when the scan finds something unusual.
 */
@Component
class MalformedRequestTargetRoute implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory> {

	private final JsonResponses json;

	MalformedRequestTargetRoute(JsonResponses json) {
		this.json = json;
	}

	@Override
	public void customize(NettyReactiveWebServerFactory factory) {
		// Malformed targets first: Tomcat refuses them before it looks at the method.
		factory.addRouteProviders((routes) -> routes.route(MalformedRequestTargetRoute::isMalformed, this::refuse)
			.route(MalformedRequestTargetRoute::isTrace, this::refuseTrace));
	}

	/**
	 * Tell whether Spring would fail to parse a request target.
	 * @param request the request
	 * @return {@code true} for an origin-form target that is not a valid URI reference
	 */
	static boolean isMalformed(HttpServerRequest request) {
		String target = request.uri();
		if (target.equals("*")) {
			// The asterisk-form, which Tomcat answers with a malformed request whatever
			// the method.
			return true;
		}
		if (!target.startsWith("/") || isPlain(target)) {
			return false;
		}
		if (isRefusedByTomcatsParser(target)) {
			return true;
		}
		try {
			new URI("http://localhost" + target);
			return false;
		}
		catch (URISyntaxException ex) {
			return true;
		}
	}

	/**
	 * Tell whether a request is a TRACE, which Tomcat (its connector's {@code allowTrace}
	 * is off) answers with 405 on every path, before the application.
	 * @param request the request
	 * @return {@code true} for TRACE
	 */
	static boolean isTrace(HttpServerRequest request) {
		return request.method().name().equals("TRACE");
	}

	private Publisher<Void> refuseTrace(HttpServerRequest request, HttpServerResponse response) {
		String target = request.uri();
		int query = target.indexOf('?');
		String rawPath = (query >= 0) ? target.substring(0, query) : target;
		return send(Problems.ofFrameworkError(HttpStatus.METHOD_NOT_ALLOWED, "TRACE", Set.of(), rawPath), response);
	}

	private Publisher<Void> send(ResponseEntity<ProblemDetail> problem, HttpServerResponse response) {
		ResponseEntity<byte[]> serialized = this.json.of(problem);
		response.status(serialized.getStatusCode().value());
		serialized.getHeaders().forEach((name, values) -> response.header(name, String.join(",", values)));
		return response.sendByteArray(Mono.just(serialized.getBody()));
	}

	private Publisher<Void> refuse(HttpServerRequest request, HttpServerResponse response) {
		String target = request.uri();
		if (isRefusedByTomcatsParser(target)) {
			// Tomcat refuses such a request line while parsing it, before any of the
			// application runs, with a bare 400 and a closed connection: so does this
			// service, or the three would answer the same bytes differently.
			response.status(HttpStatus.BAD_REQUEST.value());
			response.header("Content-Length", "0");
			response.header("Connection", "close");
			return response.send();
		}
		int query = target.indexOf('?');
		String rawPath = (query >= 0) ? target.substring(0, query) : target;
		ResponseEntity<ProblemDetail> problem;
		try {
			// Most malformed targets break the path rule: say which part, as the other
			// services do; anything else is a malformed request all the same.
			RequestPaths.check(rawPath);
			RequestPaths.checkQuery((query >= 0) ? target.substring(query + 1) : null);
			problem = Problems.ofFrameworkError(HttpStatus.BAD_REQUEST, request.method().name(), Set.of(), rawPath);
		}
		catch (ProblemException ex) {
			problem = Problems.of(ex, rawPath);
		}
		ResponseEntity<byte[]> serialized = this.json.of(problem);
		response.status(serialized.getStatusCode().value());
		serialized.getHeaders().forEach((name, values) -> response.header(name, String.join(",", values)));
		return response.sendByteArray(Mono.just(serialized.getBody()));
	}

	/**
	 * Tell whether Tomcat's request-line parser refuses a target: in the path any byte
	 * over 0x7F, a control character, or one of {@code " # < > \ ^ ` { | }}; in the query
	 * anything but an RFC 3986 query character.
	 */
	static boolean isRefusedByTomcatsParser(String target) {
		int query = target.indexOf('?');
		for (int i = 0; i < target.length(); i++) {
			char c = target.charAt(i);
			if (c >= 0x7F || c < 0x20 || "\" #<>\\^`{|}".indexOf(c) >= 0) {
				return true;
			}
			if (query >= 0 && i > query && !isQueryChar(c)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isQueryChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "-._~!$&'()*+,;=:@/?%".indexOf(c) >= 0;
	}

	/**
	 * Tell whether a target is certainly a valid URI reference: only characters that may
	 * appear unquoted in a path or query, and every {@code %} starting an escape.
	 */
	private static boolean isPlain(String target) {
		int length = target.length();
		for (int i = 0; i < length; i++) {
			char c = target.charAt(i);
			if (c == '%') {
				if (i + 2 >= length || Character.digit(target.charAt(i + 1), 16) < 0
						|| Character.digit(target.charAt(i + 2), 16) < 0) {
					return false;
				}
				i += 2;
			}
			else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
				return false;
			}
		}
		return true;
	}

}
