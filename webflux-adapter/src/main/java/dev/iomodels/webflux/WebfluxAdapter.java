package dev.iomodels.webflux;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The Spring WebFlux adapter of the storage API, on Reactor Netty. A service imports this
 * class and chooses the rest in configuration, as classic-service and loom-service import
 * the MVC adapter. The scan honours the test slices' filters, so {@code @WebFluxTest}
 * still loads only the controllers it names.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
public class WebfluxAdapter {

}
