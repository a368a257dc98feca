package dev.iomodels.remote;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import dev.iomodels.storage.EntityTagList;
import dev.iomodels.storage.ObjectMetadata;
import dev.iomodels.storage.ObjectPage;
import dev.iomodels.storage.Preconditions;
import dev.iomodels.storage.ProblemException;
import dev.iomodels.storage.ProblemType;
import dev.iomodels.storage.StorageStats;
import dev.iomodels.storage.StoredObject;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

/**
 * What both ports send to the node and read from it (see the node's
 * {@code NodeProtocol}): the headers of a request, the answers as the domain's values, a
 * refusal as the problem the node named, and how full the node is, as every answer tells.
 */
final class NodeMessages {

	static final String OBJECT_PATH = "/objects/{key}";

	static final String DEADLINE = "Storage-Deadline";

	static final String CREATED = "Storage-Created";

	static final String MODIFIED = "Storage-Modified";

	static final String OBJECTS = "Storage-Objects";

	static final String BYTES = "Storage-Bytes";

	private final JsonMapper json = JsonMapper.builder().build();

	private final AtomicReference<StorageStats> usage = new AtomicReference<>(new StorageStats(0, 0));

	/**
	 * Add a request's conditional headers and its deadline at the node.
	 * @param headers the request's headers
	 * @param preconditions the conditional headers
	 * @param budget the operation's budget at the node
	 */
	static void write(HttpHeaders headers, Preconditions preconditions, Duration budget) {
		if (preconditions.ifMatch() != null) {
			headers.set(HttpHeaders.IF_MATCH, tags(preconditions.ifMatch()));
		}
		if (preconditions.ifNoneMatch() != null) {
			headers.set(HttpHeaders.IF_NONE_MATCH, tags(preconditions.ifNoneMatch()));
		}
		headers.set(DEADLINE, Long.toString(budget.toMillis()));
	}

	private static String tags(EntityTagList list) {
		return list.any() ? "*" : String.join(", ", list.tags());
	}

	/**
	 * Note how full the node is, from any of its answers.
	 * @param headers the answer's headers
	 */
	void noteUsage(HttpHeaders headers) {
		String objects = headers.getFirst(OBJECTS);
		String bytes = headers.getFirst(BYTES);
		if (objects != null && bytes != null) {
			try {
				this.usage.set(new StorageStats(Long.parseLong(objects), Long.parseLong(bytes)));
			}
			catch (NumberFormatException ex) {
				// Not from a storage node; the last known counts stay.
			}
		}
	}

	/**
	 * Return how full the node was at its last answer.
	 * @return the counts, zero before the first answer
	 */
	StorageStats usage() {
		return this.usage.get();
	}

	StoredObject object(String key, HttpHeaders headers, byte[] body) {
		String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
		ObjectMetadata metadata = new ObjectMetadata(key, body.length, contentType, headers.getETag(),
				Instant.parse(headers.getFirst(CREATED)), Instant.parse(headers.getFirst(MODIFIED)));
		return new StoredObject(metadata, body);
	}

	ObjectMetadata metadata(byte[] body) {
		return this.json.readValue(body, ObjectMetadata.class);
	}

	ObjectPage page(byte[] body) {
		return this.json.readValue(body, ObjectPage.class);
	}

	/**
	 * Return the refusal the node answered.
	 * @param status the node's status
	 * @param body its body, a problem of the API's types
	 * @return the problem to pass on, or an error for an answer that is none
	 */
	RuntimeException refusal(int status, byte[] body) {
		try {
			JsonNode problem = this.json.readTree(body);
			String type = problem.path("type").asString("");
			for (ProblemType candidate : ProblemType.values()) {
				if (candidate.uri().toString().equals(type) && candidate.status() == status) {
					return new ProblemException(candidate, problem.path("detail").asString(candidate.title()));
				}
			}
		}
		catch (JacksonException ex) {
			// Not a problem document: reported below.
		}
		return new IllegalStateException(
				"The storage node answered " + status + " without a problem of the API's types");
	}

}
