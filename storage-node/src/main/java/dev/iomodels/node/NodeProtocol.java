package dev.iomodels.node;

/**
 * The node's internal HTTP/1.1 protocol, as names shared by the node and its clients.
 * <ul>
 * <li>{@code GET /objects/{key}}: 200 with the bytes, {@code Content-Type}, {@code ETag},
 * {@link #CREATED} and {@link #MODIFIED} (ISO-8601 instants);</li>
 * <li>{@code PUT /objects/{key}} with the bytes, {@code Content-Type} and optionally
 * {@code If-Match} / {@code If-None-Match}: 201 (created) or 200 (replaced) with the
 * object's metadata as JSON;</li>
 * <li>{@code DELETE /objects/{key}}, optionally conditional: 204;</li>
 * <li>{@code GET /objects?prefix=&limit=&after=}: one page as JSON, {@code after} a raw
 * key (the service keeps its cursors to itself);</li>
 * <li>{@code GET /stats}: counts, limits, latency and requests in flight as JSON;</li>
 * <li>{@code GET /metrics}: the node's meters in the Prometheus text format.</li>
 * </ul>
 * A refusal is an RFC 9457 problem of the API's own types, which a client passes on as it
 * is. A storage request may carry {@link #DEADLINE}: the node then carries out no
 * operation later than that many milliseconds after the request arrived, and answers 504
 * {@code storage-timeout} instead, so a write that a client gave up on is not applied.
 * Every answer to a storage request carries {@link #OBJECTS} and {@link #BYTES}, how full
 * the store is, so a client knows without asking.
 */
public final class NodeProtocol {

	/** The path of the objects; an object is under {@code /objects/{key}}. */
	public static final String OBJECTS_PATH = "/objects";

	/** The path of the store's counts and settings. */
	public static final String STATS_PATH = "/stats";

	/** The path of the Prometheus scrape. */
	public static final String METRICS_PATH = "/metrics";

	/** Request header: the operation's budget in whole milliseconds. */
	public static final String DEADLINE = "Storage-Deadline";

	/** Response header of a read: when the key was first stored. */
	public static final String CREATED = "Storage-Created";

	/** Response header of a read: when the content was last stored. */
	public static final String MODIFIED = "Storage-Modified";

	/** Response header: the objects stored after the operation. */
	public static final String OBJECTS = "Storage-Objects";

	/** Response header: the payload bytes stored after the operation. */
	public static final String BYTES = "Storage-Bytes";

	/** The media type of a refusal. */
	public static final String PROBLEM_JSON = "application/problem+json";

	private NodeProtocol() {
	}

}
