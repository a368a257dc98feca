package dev.iomodels.system.reliability;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow clients (slowloris), on each real jar with a 2 s connection and keep-alive
 * timeout: a client that sends half a request head and then nothing, one that sends half
 * a body and then nothing, and one that keeps an idle connection after its answer, each
 * has its connection closed by the server. The client waits up to 30 s, far longer than
 * the timeout, so only a server that never closes fails (no timing is asserted).
 */
class SlowClientIT {

	private static final int CLIENT_PATIENCE_MILLIS = 30_000;

	@ParameterizedTest
	@ValueSource(strings = { "classic", "loom", "webflux" })
	void aClientThatStopsSendingOrIdlesHasItsConnectionClosed(String name) throws Exception {
		Service service = Service.named(name);
		Path root = Path.of(System.getProperty("project.root"));
		try (ServiceProcess running = ServiceProcess.start(service,
				service.jar(root, System.getProperty("project.version")),
				Map.of("iomodels.server.connection-timeout", "2s", "iomodels.server.keep-alive-timeout", "2s"),
				Path.of("target", "service-logs"))) {
			assertThat(closedAfterSending(running, "GET /api/v1/info HTTP/1.1\r\nHost: localhost\r\nX-Slow: "))
				.as("%s: half a request head, then silence", name)
				.isTrue();
			assertThat(closedAfterSending(running,
					"PUT /api/v1/objects/slow HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\nonly part"))
				.as("%s: half a body, then silence", name)
				.isTrue();
			assertThat(closedAfterSending(running, "GET /api/v1/info HTTP/1.1\r\nHost: localhost\r\n\r\n"))
				.as("%s: a whole request, its answer, then an idle keep-alive connection", name)
				.isTrue();
		}
	}

	/**
	 * Send bytes, then read until the server closes the connection.
	 * @return {@code true} if it closed it, {@code false} if it kept it open for the
	 * client's whole patience
	 */
	private static boolean closedAfterSending(ServiceProcess running, String bytes) throws Exception {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(running.api().getHost(), running.api().getPort()), 5000);
			socket.setSoTimeout(CLIENT_PATIENCE_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			try {
				while (in.read() != -1) {
					// An answer (to a complete request, or a refusal) may come first.
				}
				return true;
			}
			catch (SocketTimeoutException stillOpen) {
				return false;
			}
			catch (java.io.IOException reset) {
				return true;
			}
		}
	}

}
