package dev.iomodels.service;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One JSON writer per service, over the application's mapper, and none without one.
 */
class JsonResponsesAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JsonResponsesAutoConfiguration.class));

	@Test
	void theJsonWriterUsesTheApplicationsMapper() {
		JsonMapper mapper = JsonMapper.builder().build();
		this.runner.withBean(JsonMapper.class, () -> mapper).run((context) -> {
			assertThat(context).hasSingleBean(JsonResponses.class);
			assertThat(context.getBean(JsonResponses.class)).extracting("mapper").isSameAs(mapper);
		});
	}

	@Test
	void withoutAMapperThereIsNoJsonWriter() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(JsonResponses.class));
	}

	@Test
	void anApplicationsOwnJsonWriterIsKept() {
		JsonResponses own = new JsonResponses(JsonMapper.builder().build());
		this.runner.withBean(JsonMapper.class, () -> JsonMapper.builder().build())
			.withBean(JsonResponses.class, () -> own)
			.run((context) -> assertThat(context.getBean(JsonResponses.class)).isSameAs(own));
	}

}
