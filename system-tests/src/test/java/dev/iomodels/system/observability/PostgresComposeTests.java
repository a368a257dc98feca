package dev.iomodels.system.observability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.iomodels.harness.Service;
import org.junit.jupiter.api.Test;

import static dev.iomodels.system.observability.ProjectFiles.list;
import static dev.iomodels.system.observability.ProjectFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be proven about the postgres stack
 * ({@code docker compose -f docker-compose.yml
 * -f docker-compose.postgres.yml up}) without Docker: it adds a PostgreSQL whose password
 * is never committed, points the three services at it with identical settings (each at a
 * database of its own, created by the init script), and starts them only once the
 * database is healthy; and the plain stack does not need the password.
 */
class PostgresComposeTests {

	private static final String PASSWORD = "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD to the database password}";

	private final Map<String, Object> compose = ProjectFiles.yaml(ProjectFiles.postgresComposeFile());

	@Test
	void theDatabasePasswordComesOnlyFromTheEnvironment() throws Exception {
		Map<String, Object> postgres = service("postgres");
		assertThat(map(postgres.get("environment"))).containsEntry("POSTGRES_PASSWORD", PASSWORD);
		for (Service service : Service.ALL) {
			assertThat(map(service(service.name()).get("environment"))).containsEntry("STORAGE_POSTGRES_PASSWORD",
					PASSWORD);
		}
		assertThat(Files.readString(ProjectFiles.composeFile())).doesNotContain("POSTGRES_PASSWORD");
	}

	@Test
	void theThreeServicesGetTheSameDatabaseSettingsAndADatabaseEach() throws Exception {
		List<Map<String, Object>> settings = new ArrayList<>();
		String init = Files.readString(initScript());
		for (Service service : Service.ALL) {
			Map<String, Object> environment = new LinkedHashMap<>(map(service(service.name()).get("environment")));
			String database = "iomodels_" + service.shortName();
			assertThat(environment.remove("STORAGE_POSTGRES_URL")).isEqualTo("postgresql://postgres:5432/" + database);
			assertThat(init).contains("CREATE DATABASE " + database + " OWNER iomodels;");
			settings.add(environment);
		}
		assertThat(settings).containsOnly(settings.get(0));
		assertThat(settings.get(0)).containsEntry("STORAGE_BACKEND", "postgres")
			.containsKeys("STORAGE_POSTGRES_POOL_SIZE", "STORAGE_POSTGRES_CONNECT_TIMEOUT",
					"STORAGE_POSTGRES_ACQUIRE_TIMEOUT", "STORAGE_POSTGRES_STATEMENT_TIMEOUT");
	}

	@Test
	void theServicesStartOnlyOnceTheDatabaseIsHealthy() {
		assertThat(map(service("postgres").get("healthcheck")).get("test")).isNotNull();
		for (Service service : Service.ALL) {
			assertThat(map(map(service(service.name()).get("depends_on")).get("postgres"))).containsEntry("condition",
					"service_healthy");
		}
	}

	@Test
	void everyFileTheDatabaseMountsExists() {
		for (Object volume : list(service("postgres").get("volumes"))) {
			String source = String.valueOf(volume).split(":")[0];
			if (source.startsWith("./")) {
				assertThat(ProjectFiles.root().resolve(source)).exists();
			}
		}
		assertThat(initScript()).isRegularFile();
	}

	private static Path initScript() {
		return ProjectFiles.root().resolve("postgres/initdb/10-service-databases.sql");
	}

	private Map<String, Object> service(String name) {
		Map<String, Object> service = map(map(this.compose.get("services")).get(name));
		assertThat(service).as("compose service %s", name).isNotNull();
		return service;
	}

}
