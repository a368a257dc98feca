package dev.iomodels.mvc;

import dev.iomodels.mvc.system.TomcatBufferProperties;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring MVC adapter of the storage API. A service imports this class and chooses its
 * threading in configuration: that is the whole difference between classic-service and
 * loom-service. The scan honours the test slices' filters, so {@code @WebMvcTest} still
 * loads only the controllers it names.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TomcatBufferProperties.class)
@ComponentScan(excludeFilters = @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
public class MvcAdapter {

}
