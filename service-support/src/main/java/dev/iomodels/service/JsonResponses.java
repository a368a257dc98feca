package dev.iomodels.service;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serializes the body of a JSON response to bytes before either web stack sees it. Both
 * stacks then send the same bytes with a {@code Content-Length}: left to themselves,
 * Spring MVC streams JSON with chunked encoding on Tomcat while WebFlux sends a length,
 * and the services would differ on the wire for a reason that has nothing to do with
 * their I/O model. A response whose Content-Type is set is sent with it, whatever the
 * client accepts, which is what a problem response needs.
 */
public final class JsonResponses {

	private final JsonMapper mapper;

	/**
	 * Create the serializer.
	 * @param mapper the application's JSON mapper, so that the JSON settings of Spring
	 * Boot apply
	 */
	public JsonResponses(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Return the response with its body serialized.
	 * @param entity a response whose body is to be sent as JSON; without a Content-Type
	 * it is sent as {@code application/json}
	 * @return the same status and headers, the JSON bytes and their length
	 */
	public ResponseEntity<byte[]> of(ResponseEntity<?> entity) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(entity.getHeaders());
		if (headers.getContentType() == null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		byte[] body = this.mapper.writeValueAsBytes(entity.getBody());
		headers.setContentLength(body.length);
		return new ResponseEntity<>(body, headers, entity.getStatusCode());
	}

	/**
	 * Return a 200 response with a JSON body.
	 * @param body the value to send
	 * @return the response
	 */
	public ResponseEntity<byte[]> ok(Object body) {
		return of(ResponseEntity.ok(body));
	}

}
