package dev.iomodels.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately small HTTP/1.1 client on a plain socket. Unlike {@code java.net.http} it
 * sends the request target byte for byte (broken escapes included) and shows every
 * response header as the server wrote it, framing headers included, which is what a
 * differential test of three servers needs.
 */
final class RawHttp {

	private static final int TIMEOUT_MILLIS = 10_000;

	private RawHttp() {
	}

	/**
	 * Send one request on a new connection and read one response.
	 * @param server the server's base URI (scheme, host, port)
	 * @param request the request
	 * @return the response
	 * @throws IOException if the exchange fails
	 */
	static Response exchange(URI server, Request request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder();
			head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
			head.append("Host: ").append(server.getHost()).append(':').append(server.getPort()).append("\r\n");
			for (String[] header : request.headers()) {
				head.append(header[0]).append(": ").append(header[1]).append("\r\n");
			}
			byte[] body = request.body();
			if (body != null) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			if (body != null) {
				out.write(body);
			}
			out.flush();
			return read(socket.getInputStream(), request.method());
		}
	}

	/**
	 * Send bytes exactly as given on a new connection and read one final response (any
	 * interim 1xx response is skipped). A server that answers before it has read the
	 * whole request may close the connection under the client's writes; the answer is
	 * read all the same.
	 * @param server the server's base URI (scheme, host and port)
	 * @param request the whole request, head and body, byte for byte
	 * @param method the request method, which tells whether a body follows the answer
	 * @param timeoutMillis how long to wait for each read
	 * @return the response
	 * @throws IOException if no response arrives
	 */
	static Response exchangeRaw(URI server, byte[] request, String method, int timeoutMillis) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), timeoutMillis);
			socket.setSoTimeout(timeoutMillis);
			try {
				OutputStream out = socket.getOutputStream();
				out.write(request);
				out.flush();
			}
			catch (IOException refusedMidway) {
				// The server answered and closed before taking everything: read its
				// answer.
			}
			InputStream in = socket.getInputStream();
			Response response = read(in, method);
			while (response.status() >= 100 && response.status() < 200) {
				response = read(in, method);
			}
			return response;
		}
	}

	private static Response read(InputStream in, String method) throws IOException {
		String statusLine = line(in);
		int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		for (String line = line(in); !line.isEmpty(); line = line(in)) {
			int colon = line.indexOf(':');
			headers.add(Map.entry(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
					line.substring(colon + 1).trim()));
		}
		byte[] body;
		String length = first(headers, "content-length");
		boolean chunked = "chunked".equalsIgnoreCase(first(headers, "transfer-encoding"));
		if (method.equals("HEAD") || status == 204 || status == 304 || (status >= 100 && status < 200)) {
			body = new byte[0];
		}
		else if (chunked) {
			body = chunks(in);
		}
		else if (length != null) {
			body = in.readNBytes(Integer.parseInt(length));
		}
		else {
			body = in.readAllBytes();
		}
		return new Response(status, headers, body);
	}

	private static byte[] chunks(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String size = line(in);
			int semicolon = size.indexOf(';');
			int length = Integer.parseInt((semicolon < 0) ? size.trim() : size.substring(0, semicolon).trim(), 16);
			if (length == 0) {
				while (!line(in).isEmpty()) {
					// trailers
				}
				return body.toByteArray();
			}
			body.write(in.readNBytes(length));
			line(in);
		}
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1 && b != '\n') {
			if (b != '\r') {
				line.write(b);
			}
		}
		if (b == -1 && line.size() == 0) {
			throw new IOException("Connection closed before a complete response");
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	private static String first(List<Map.Entry<String, String>> headers, String name) {
		return headers.stream()
			.filter((h) -> h.getKey().equals(name))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	/**
	 * A request to send.
	 *
	 * @param method the method
	 * @param target the request target exactly as sent
	 * @param headers name/value pairs, in order
	 * @param body the body, sent with Content-Length, or {@code null} for none
	 */
	record Request(String method, String target, List<String[]> headers, byte[] body) {

		static Request of(String method, String target, String... headerPairs) {
			List<String[]> headers = new ArrayList<>();
			for (int i = 0; i < headerPairs.length; i += 2) {
				headers.add(new String[] { headerPairs[i], headerPairs[i + 1] });
			}
			return new Request(method, target, headers, null);
		}

		Request withBody(byte[] content) {
			return new Request(this.method, this.target, this.headers, content);
		}

		@Override
		public String toString() {
			return this.method + " " + this.target;
		}

	}

	/**
	 * A response as received.
	 *
	 * @param status the status code
	 * @param headers lower-cased names and values, in order
	 * @param body the decoded body (chunked framing removed)
	 */
	record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {

		String header(String name) {
			return first(this.headers, name);
		}

		String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
