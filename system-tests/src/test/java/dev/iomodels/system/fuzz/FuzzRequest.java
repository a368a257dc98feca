package dev.iomodels.system.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One generated request, kept as its parts so that a failing one can be made smaller.
 * Strings are bytes in ISO-8859-1: every char is one byte on the wire, so a target or
 * header can carry any byte value.
 *
 * @param method the method token
 * @param target the request target
 * @param headers name/value pairs in order ({@code Host} is added unless
 * {@code withoutHost})
 * @param body the body, framed by a Content-Length added here, or {@code null}
 * @param rawBody bytes sent after the head as they are (a chunked body, well formed or
 * not), or {@code null}
 * @param withoutHost whether to leave out the {@code Host} header
 * @param version what follows the target in the request line, from its separator on:
 * normally {@code " HTTP/1.1"}
 * @param separator what separates the method from the target: normally a space
 */
record FuzzRequest(String method, String target, List<String[]> headers, byte[] body, byte[] rawBody,
		boolean withoutHost, String separator, String version) {

	private static final String SP = " ";

	private static final String HTTP_1_1 = " HTTP/1.1";

	static FuzzRequest of(String method, String target) {
		return new FuzzRequest(method, target, List.of(), null, null, false, SP, HTTP_1_1);
	}

	/**
	 * Return this request with other bytes around its target in the request line.
	 * @param beforeTarget what separates the method from the target
	 * @param afterTarget what follows the target up to the line's CRLF (the version with
	 * its separator)
	 * @return the changed request
	 */
	FuzzRequest withRequestLine(String beforeTarget, String afterTarget) {
		return new FuzzRequest(this.method, this.target, this.headers, this.body, this.rawBody, this.withoutHost,
				beforeTarget, afterTarget);
	}

	FuzzRequest header(String name, String value) {
		List<String[]> more = new ArrayList<>(this.headers);
		more.add(new String[] { name, value });
		return new FuzzRequest(this.method, this.target, List.copyOf(more), this.body, this.rawBody, this.withoutHost,
				this.separator, this.version);
	}

	FuzzRequest withHeaders(List<String[]> replaced) {
		return new FuzzRequest(this.method, this.target, List.copyOf(replaced), this.body, this.rawBody,
				this.withoutHost, this.separator, this.version);
	}

	FuzzRequest withBody(byte[] content) {
		return new FuzzRequest(this.method, this.target, this.headers, content, null, this.withoutHost, this.separator,
				this.version);
	}

	FuzzRequest withRawBody(byte[] raw) {
		return new FuzzRequest(this.method, this.target, this.headers, null, raw, this.withoutHost, this.separator,
				this.version);
	}

	FuzzRequest withTarget(String replaced) {
		return new FuzzRequest(this.method, replaced, this.headers, this.body, this.rawBody, this.withoutHost,
				this.separator, this.version);
	}

	FuzzRequest withoutHostHeader() {
		return new FuzzRequest(this.method, this.target, this.headers, this.body, this.rawBody, true, this.separator,
				this.version);
	}

	/**
	 * Return the request as sent.
	 * @return the bytes on the wire
	 */
	byte[] bytes() {
		StringBuilder head = new StringBuilder();
		head.append(this.method).append(this.separator).append(this.target).append(this.version).append("\r\n");
		if (!this.withoutHost) {
			head.append("Host: localhost\r\n");
		}
		for (String[] header : this.headers) {
			head.append(header[0]).append(": ").append(header[1]).append("\r\n");
		}
		if (this.body != null) {
			head.append("Content-Length: ").append(this.body.length).append("\r\n");
		}
		head.append("Connection: close\r\n\r\n");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		if (this.body != null) {
			out.writeBytes(this.body);
		}
		if (this.rawBody != null) {
			out.writeBytes(this.rawBody);
		}
		return out.toByteArray();
	}

	/**
	 * Describe the request for a failure message: printable ASCII as it is, every other
	 * byte as {@code \xNN}, long runs shortened.
	 */
	@Override
	public String toString() {
		byte[] wire = bytes();
		StringBuilder text = new StringBuilder();
		int shown = Math.min(wire.length, 1500);
		for (int i = 0; i < shown; i++) {
			int b = wire[i] & 0xFF;
			if (b == '\n') {
				text.append("\\n\n    ");
			}
			else if (b == '\r') {
				text.append("\\r");
			}
			else if (b >= 0x20 && b < 0x7F) {
				text.append((char) b);
			}
			else {
				text.append("\\x").append(HexFormat.of().toHexDigits((byte) b));
			}
		}
		if (shown < wire.length) {
			text.append("... (").append(wire.length).append(" bytes in all)");
		}
		return text.toString();
	}

}
