package dev.iomodels.service;

import java.util.List;

/**
 * A response as it goes on the wire: status, headers in order, and the body's bytes,
 * built once by the API and written by each stack in one place, header by header. No
 * framework object is built on the way only to be taken apart again: on the hot path of a
 * GET that copying (case-insensitive header maps, converted and copied twice) cost more
 * CPU than the store.
 *
 * @param status the status code
 * @param headers the headers, each a name and one value, in the order they are sent
 * @param body the body; empty for none
 */
public record Answer(int status, List<Header> headers, byte[] body) {

	private static final byte[] NO_BODY = new byte[0];

	public Answer {
		headers = List.copyOf(headers);
	}

	/**
	 * Return an answer without a body.
	 * @param status the status code
	 * @param headers the headers
	 * @return the answer
	 */
	public static Answer withoutBody(int status, List<Header> headers) {
		return new Answer(status, headers, NO_BODY);
	}

	/**
	 * Return whether there are bytes to send.
	 * @return whether the body is not empty
	 */
	public boolean hasBody() {
		return this.body.length > 0;
	}

	/**
	 * One header line.
	 *
	 * @param name the header's name, as sent
	 * @param value its value
	 */
	public record Header(String name, String value) {

	}

}
