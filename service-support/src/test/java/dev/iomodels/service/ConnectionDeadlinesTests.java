package dev.iomodels.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The connection deadlines' shared parts: the bytes of the 408 both servers write, and
 * the counters.
 */
class ConnectionDeadlinesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConnectionDeadlines deadlines = new ConnectionDeadlines(Duration.ofSeconds(10),
			Duration.ofSeconds(20), JSON);

	@Test
	void theHeadTimeoutAnswerIsACompleteClosing408Problem() {
		String answer = new String(this.deadlines.headTimeoutAnswer(), StandardCharsets.UTF_8);
		int end = answer.indexOf("\r\n\r\n");
		String head = answer.substring(0, end);
		String body = answer.substring(end + 4);
		assertThat(head).startsWith("HTTP/1.1 408 Request Timeout\r\n")
			.contains("\r\nConnection: close")
			.contains("\r\nContent-Type: application/problem+json")
			.contains("\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length);
		JsonNode problem = JSON.readTree(body);
		assertThat(problem.path("type").stringValue()).isEqualTo("urn:io-models:problem:request-timeout");
		assertThat(problem.path("status").intValue()).isEqualTo(408);
		assertThat(problem.path("detail").stringValue()).contains("10000 ms");
	}

	@Test
	void theAnswerCannotBeChangedByAWriter() {
		this.deadlines.headTimeoutAnswer()[0] = 'X';
		assertThat(this.deadlines.headTimeoutAnswer()[0]).isEqualTo((byte) 'H');
	}

	@Test
	void timeoutsAreCountedInTheRegistry() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		this.deadlines.bindTo(registry);
		this.deadlines.headTimedOut();
		this.deadlines.headTimedOut();
		this.deadlines.writeTimedOut();
		assertThat(registry.get(ConnectionDeadlines.HEAD_TIMEOUTS).functionCounter().count()).isEqualTo(2);
		assertThat(registry.get(ConnectionDeadlines.WRITE_TIMEOUTS).functionCounter().count()).isEqualTo(1);
	}

	@Test
	void theSettingsRefuseADeadlineThatIsNotPositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConnectionDeadlines(Duration.ZERO, Duration.ofSeconds(20), JSON));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConnectionDeadlines(Duration.ofSeconds(10), Duration.ofMillis(-1), JSON));
	}

}
