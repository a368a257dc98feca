package dev.iomodels.system.observability;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.iomodels.harness.PrometheusScrape;
import dev.iomodels.harness.PrometheusScrape.Sample;
import dev.iomodels.harness.Service;
import dev.iomodels.harness.ServiceProcess;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metric families of the table in {@code docs/metrics.md}, scraped from the running
 * jars: each is exposed by every service where its concept exists (Tomcat's by classic
 * and loom, Reactor Netty's by webflux, the rest by all three) under the same name, and
 * by no other.
 */
@ExtendWith(ObservedServices.Extension.class)
class MetricFamiliesIT {

	private static final Set<String> ALL = Set.of("classic", "loom", "webflux");

	private static final Set<String> TOMCAT = Set.of("classic", "loom");

	private static final Set<String> NETTY = Set.of("webflux");

	/** The services whose postgres backend goes through JDBC and HikariCP. */
	private static final Set<String> JDBC = Set.of("classic", "loom");

	/** The service whose postgres backend goes through R2DBC and r2dbc-pool. */
	private static final Set<String> R2DBC = Set.of("webflux");

	/** Family (with the labels that must have a sample), and where it applies. */
	private static final Map<String, Set<String>> FAMILIES = new LinkedHashMap<>();

	static {
		// Latency and load
		FAMILIES.put("http_server_requests_seconds_bucket", ALL);
		FAMILIES.put("storage_operations_seconds_bucket", ALL);
		FAMILIES.put("http_server_requests_in_flight", ALL);
		FAMILIES.put("http_server_request_head_timeouts_total", ALL);
		FAMILIES.put("http_server_response_write_timeouts_total", ALL);
		// Threads
		FAMILIES.put("jvm_threads_live_threads", ALL);
		FAMILIES.put("jvm_threads_peak_threads", ALL);
		FAMILIES.put("jvm_threads_states_threads{state=timed-waiting}", ALL);
		FAMILIES.put("jvm_threads_virtual_live_threads{scheduling_status=mounted}", ALL);
		FAMILIES.put("jvm_threads_virtual_live_threads{scheduling_status=queued}", ALL);
		FAMILIES.put("jvm_threads_virtual_parallelism", ALL);
		FAMILIES.put("jvm_threads_virtual_pool_size_threads", ALL);
		FAMILIES.put("jvm_threads_virtual_pinned_seconds_count", ALL);
		FAMILIES.put("jvm_threads_virtual_submit_failed_total", ALL);
		FAMILIES.put("process_threads", ALL);
		FAMILIES.put("tomcat_threads_busy_threads", TOMCAT);
		FAMILIES.put("tomcat_threads_current_threads", TOMCAT);
		FAMILIES.put("tomcat_threads_config_max_threads", TOMCAT);
		FAMILIES.put("tomcat_connections_current_connections", TOMCAT);
		FAMILIES.put("tomcat_connections_keepalive_current_connections", TOMCAT);
		FAMILIES.put("tomcat_connections_config_max_connections", TOMCAT);
		FAMILIES.put("reactor_netty_http_server_connections", NETTY);
		FAMILIES.put("reactor_netty_eventloop_pending_tasks", NETTY);
		// Memory
		FAMILIES.put("jvm_memory_used_bytes{area=heap}", ALL);
		FAMILIES.put("jvm_memory_used_bytes{area=nonheap}", ALL);
		FAMILIES.put("jvm_memory_committed_bytes{area=heap}", ALL);
		FAMILIES.put("jvm_memory_committed_bytes{area=nonheap}", ALL);
		FAMILIES.put("jvm_buffer_memory_used_bytes{id=direct}", ALL);
		FAMILIES.put("jvm_buffer_memory_used_bytes{id=mapped}", ALL);
		FAMILIES.put("reactor_netty_bytebuf_allocator_used_direct_memory", NETTY);
		FAMILIES.put("reactor_netty_bytebuf_allocator_used_heap_memory", NETTY);
		FAMILIES.put("process_memory_rss_bytes", ALL);
		FAMILIES.put("jvm_gc_pause_seconds_count", ALL);
		FAMILIES.put("jvm_gc_memory_allocated_bytes_total", ALL);
		// CPU
		FAMILIES.put("process_cpu_usage", ALL);
		FAMILIES.put("system_cpu_usage", ALL);
		// Storage
		FAMILIES.put("storage_objects", ALL);
		FAMILIES.put("storage_bytes", ALL);
		// Database connection pools (the observed services run on the postgres backend)
		FAMILIES.put("hikaricp_connections_active{pool=storage}", JDBC);
		FAMILIES.put("hikaricp_connections_idle{pool=storage}", JDBC);
		FAMILIES.put("hikaricp_connections_pending{pool=storage}", JDBC);
		FAMILIES.put("hikaricp_connections_max{pool=storage}", JDBC);
		FAMILIES.put("hikaricp_connections_acquire_seconds_count{pool=storage}", JDBC);
		FAMILIES.put("r2dbc_pool_acquired_connections{name=storage}", R2DBC);
		FAMILIES.put("r2dbc_pool_idle_connections{name=storage}", R2DBC);
		FAMILIES.put("r2dbc_pool_pending_connections{name=storage}", R2DBC);
		FAMILIES.put("r2dbc_pool_max_allocated_connections{name=storage}", R2DBC);
		FAMILIES.put("r2dbc_pool_acquire_seconds_count{outcome=success}", R2DBC);
	}

	private static final Map<String, PrometheusScrape> scrapes = new LinkedHashMap<>();

	@BeforeAll
	static void scrape(ObservedServices services) throws Exception {
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
			for (ServiceProcess process : services.processes()) {
				scrapes.put(process.service().shortName(), PrometheusScrape.of(client, process.management()));
			}
		}
	}

	@Test
	void eachFamilyIsExposedWhereItsConceptExistsAndNowhereElse() {
		SoftAssertions softly = new SoftAssertions();
		FAMILIES.forEach((family, services) -> {
			for (Map.Entry<String, PrometheusScrape> scrape : scrapes.entrySet()) {
				boolean exposed = !matching(scrape.getValue(), family).isEmpty();
				softly.assertThat(exposed)
					.as("%s on %s", family, scrape.getKey())
					.isEqualTo(services.contains(scrape.getKey()));
			}
		});
		softly.assertAll();
	}

	@Test
	void everySampleCarriesTheServicesApplicationModelAndTransport() {
		for (Service service : Service.ALL) {
			List<Sample> samples = scrapes.get(service.shortName()).samples();
			assertThat(samples).isNotEmpty()
				.allSatisfy((sample) -> assertThat(sample.labels()).as(sample.name())
					.containsEntry("application", service.shortName())
					.containsEntry("model", service.model())
					.containsEntry("transport", service.defaultTransport()));
		}
	}

	@Test
	void httpLatencyIsAHistogramFromOneMillisecondToAMinute() {
		for (PrometheusScrape scrape : scrapes.values()) {
			List<Double> bounds = scrape.named("http_server_requests_seconds_bucket")
				.stream()
				.map((sample) -> sample.labels().get("le"))
				.filter((le) -> !le.equals("+Inf"))
				.map(Double::parseDouble)
				.distinct()
				.sorted()
				.toList();
			assertThat(bounds.get(0)).isLessThanOrEqualTo(0.001);
			assertThat(bounds.get(bounds.size() - 1)).isGreaterThanOrEqualTo(60.0);
		}
	}

	@Test
	void storageOperationsAreTimedPerOperationAndOutcome() {
		for (PrometheusScrape scrape : scrapes.values()) {
			List<String> series = scrape.named("storage_operations_seconds_count")
				.stream()
				.map((sample) -> sample.labels().get("operation") + " " + sample.labels().get("outcome"))
				.toList();
			assertThat(series).contains("get success", "get not-found", "put success", "put precondition-failed",
					"delete success", "list success");
		}
	}

	@Test
	void onlyTheClassicPoolHasTomcatThreadsLoomsTomcatRunsVirtualThreads() {
		assertThat(scrapes.get("classic").sum("tomcat_threads_config_max_threads")).isEqualTo(200);
		// Tomcat reports -1 for an executor that is not its own pool, which the
		// dashboards
		// filter out: the loom panel of Tomcat's pool would otherwise show a negative
		// count.
		assertThat(scrapes.get("loom").sum("tomcat_threads_config_max_threads")).isEqualTo(-1);
	}

	private static List<Sample> matching(PrometheusScrape scrape, String family) {
		int brace = family.indexOf('{');
		if (brace < 0) {
			return scrape.named(family);
		}
		String[] label = family.substring(brace + 1, family.length() - 1).split("=");
		return scrape.named(family.substring(0, brace))
			.stream()
			.filter((sample) -> label[1].equals(sample.labels().get(label[0])))
			.toList();
	}

}
