package dev.iomodels.service;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one {@link JsonResponses} of a service, over the application's JSON mapper, which
 * every controller, filter and server handler of both web adapters writes its JSON with.
 * Apart from {@link StorageAutoConfiguration} so that the web test slices
 * ({@code @WebMvcTest}, {@code @WebFluxTest}) can import it alone, without the storage
 * beans: this module lists it for them in its {@code META-INF/spring} imports.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnBean(JsonMapper.class)
public class JsonResponsesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JsonResponses jsonResponses(JsonMapper mapper) {
		return new JsonResponses(mapper);
	}

}
