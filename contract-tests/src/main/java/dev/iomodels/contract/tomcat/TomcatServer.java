package dev.iomodels.contract.tomcat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.iomodels.contract.RunningServer;
import dev.iomodels.contract.ServerCheck;
import dev.iomodels.contract.ServerStack;
import dev.iomodels.contract.ServiceUnderTest;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http11.Http11Nio2Protocol;
import org.apache.coyote.http11.Http11NioProtocol;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring MVC adapter on Tomcat (classic and loom): its API connector runs the
 * transport the service reports, with the fairness table's settings that
 * {@code /api/v1/info} reports, and, for a pool of platform threads, that pool.
 */
public final class TomcatServer implements ServerStack {

	/**
	 * The size of the pool of platform threads, or 0 when requests run on virtual
	 * threads.
	 */
	private final int platformThreads;

	private TomcatServer(int platformThreads) {
		this.platformThreads = platformThreads;
	}

	/**
	 * Describe a service that serves from a pool of platform threads (classic), on NIO
	 * and the memory backend.
	 * @param threads the size of the pool
	 * @return the description
	 */
	public static ServiceUnderTest platformThreads(int threads) {
		return ServiceUnderTest.of("platform-threads", "nio", new TomcatServer(threads));
	}

	/**
	 * Describe a service that runs each request on a virtual thread (loom), on NIO and
	 * the memory backend.
	 * @return the description
	 */
	public static ServiceUnderTest virtualThreads() {
		return ServiceUnderTest.of("virtual-threads", "nio", new TomcatServer(0));
	}

	@Override
	public List<ServerCheck> checks(ServiceUnderTest service) {
		List<ServerCheck> checks = new ArrayList<>();
		checks.add(switch (service.transport()) {
			case "nio" -> new ServerCheck("the API connector is NIO's, with its poller (a reactor)",
					TomcatServer::runsNioWithItsPoller);
			case "nio2" -> new ServerCheck("the API connector is NIO2's, without a poller (a proactor)",
					TomcatServer::runsNio2WithoutAPoller);
			default -> throw new IllegalArgumentException("Tomcat has no transport " + service.transport());
		});
		checks.add(new ServerCheck("the API connector runs with the fairness settings that info reports",
				TomcatServer::runsWithTheFairnessSettingsThatInfoReports));
		if (this.platformThreads > 0) {
			checks.add(new ServerCheck("the API connector serves from the platform pool that info reports",
					this::servesFromThePlatformPoolThatInfoReports));
		}
		return checks;
	}

	private static void runsNioWithItsPoller(RunningServer server) {
		assertThat(protocolHandler(server)).isInstanceOf(Http11NioProtocol.class);
		String connector = connectorName(server);
		assertThat(connector).startsWith("http-nio-");
		assertThat(threadNames()).contains(connector + "-Poller", connector + "-Acceptor");
	}

	private static void runsNio2WithoutAPoller(RunningServer server) {
		assertThat(protocolHandler(server)).isInstanceOf(Http11Nio2Protocol.class);
		// A proactor has neither a poller nor an acceptor thread: completion handlers
		// accept and read.
		String connector = connectorName(server);
		assertThat(connector).startsWith("http-nio2-");
		assertThat(threadNames()).doesNotContain(connector + "-Poller", connector + "-Acceptor");
	}

	/**
	 * The values come from {@code iomodels.server.*}, not from Tomcat's or Spring Boot's
	 * own defaults (8192 connections, a backlog of 100, 100 requests per connection).
	 */
	private static void runsWithTheFairnessSettingsThatInfoReports(RunningServer server) {
		JsonNode settings = server.info().path("server");
		AbstractHttp11Protocol<?> http = (AbstractHttp11Protocol<?>) protocolHandler(server);
		assertThat(http.getMaxConnections()).as(settings.toString())
			.isEqualTo(settings.path("maxConnections").intValue())
			.isEqualTo(16384);
		assertThat(http.getAcceptCount()).as(settings.toString())
			.isEqualTo(settings.path("acceptBacklog").intValue())
			.isEqualTo(1024);
		assertThat(Duration.ofMillis(http.getKeepAliveTimeout())).as(settings.toString())
			.isEqualTo(Duration.parse(settings.path("keepAliveTimeout").stringValue()))
			.isEqualTo(Duration.ofSeconds(20));
		assertThat(Duration.ofMillis(http.getConnectionTimeout())).as(settings.toString())
			.isEqualTo(Duration.parse(settings.path("connectionTimeout").stringValue()))
			.isEqualTo(Duration.ofSeconds(20));
		assertThat(http.getMaxKeepAliveRequests()).as(settings.toString())
			.isEqualTo(settings.path("maxKeepAliveRequests").intValue())
			.isEqualTo(-1);
		assertThat(http.getMaxHttpRequestHeaderSize()).as(settings.toString())
			.isEqualTo(settings.path("maxRequestHeaderSize").intValue())
			.isEqualTo(8192);
	}

	/**
	 * The platform pool is the one connector setting that is the I/O model itself: the
	 * fairness table's 200 threads, as {@code /api/v1/info} reports them.
	 */
	private void servesFromThePlatformPoolThatInfoReports(RunningServer server) {
		JsonNode settings = server.info().path("server");
		AbstractHttp11Protocol<?> http = (AbstractHttp11Protocol<?>) protocolHandler(server);
		assertThat(http.getMaxThreads()).as(settings.toString())
			.isEqualTo(settings.path("workerThreads").intValue())
			.isEqualTo(this.platformThreads);
	}

	private static ProtocolHandler protocolHandler(RunningServer server) {
		WebServerApplicationContext context = (WebServerApplicationContext) server.applicationContext();
		return ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector().getProtocolHandler();
	}

	/**
	 * Return the name the API connector gave its threads: its name as it was before it
	 * bound a random port, e.g. {@code http-nio2-auto-1}.
	 */
	private static String connectorName(RunningServer server) {
		String name = ((AbstractProtocol<?>) protocolHandler(server)).getName().replace("\"", "");
		String port = "-" + server.api().getPort();
		return name.endsWith(port) ? name.substring(0, name.length() - port.length()) : name;
	}

	private static List<String> threadNames() {
		return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
	}

}
