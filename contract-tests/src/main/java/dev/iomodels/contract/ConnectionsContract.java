package dev.iomodels.contract;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How connections are kept.
 * <p>
 * A section of {@link StorageApiContractTests}, run by it as its {@code @Nested} class
 * {@code Connections}.
 */
abstract class ConnectionsContract {

	/** The test's client of the service. */
	private final ContractClient client;

	ConnectionsContract(ContractClient client) {
		this.client = client;
	}

	/**
	 * An HTTP/1.0 client that asks to keep its connection (ApacheBench's {@code ab -k})
	 * is told it is kept, as Tomcat tells it ({@code Connection: keep-alive} and
	 * {@code Keep-Alive: timeout=...}), and is served its next request on it: RFC 9112
	 * §9.3 lets a server keep such a connection, and all three do.
	 */
	@Test
	void http10RequestAskingForKeepAliveIsToldSoAndServedAgainOnTheSameConnection() throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(
					new InetSocketAddress(this.client.server().api().getHost(), this.client.server().api().getPort()),
					(int) ContractHttp.CONNECT_TIMEOUT.toMillis());
			socket.setSoTimeout((int) ContractHttp.REQUEST_TIMEOUT.toMillis());
			InputStream in = socket.getInputStream();
			for (int i = 1; i <= 2; i++) {
				socket.getOutputStream()
					.write("GET /api/v1/info HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
						.getBytes(StandardCharsets.US_ASCII));
				String head = readHead(in).toLowerCase(Locale.ROOT);
				assertThat(head).as("answer %d", i).matches("(?s)http/1\\.[01] 200.*");
				assertThat(head).as("answer %d", i).contains("\r\nconnection: keep-alive\r\n");
				assertThat(head).as("answer %d", i).containsPattern("\r\nkeep-alive: timeout=[0-9]+\r\n");
				Matcher length = Pattern.compile("\r\ncontent-length: ([0-9]+)\r\n").matcher(head);
				assertThat(length.find()).as("answer %d has a Content-Length: %s", i, head).isTrue();
				assertThat(in.readNBytes(Integer.parseInt(length.group(1)))).hasSize(Integer.parseInt(length.group(1)));
			}
		}
	}

	private static String readHead(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
			int b = in.read();
			if (b == -1) {
				throw new EOFException("The connection closed within a response head: " + head);
			}
			head.append((char) b);
		}
		return head.toString();
	}

}
