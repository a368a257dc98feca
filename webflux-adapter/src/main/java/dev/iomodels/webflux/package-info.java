/**
 * The event-loop adapter: the storage API on Spring WebFlux and Reactor Netty, imported
 * by webflux-service through {@link dev.iomodels.webflux.WebfluxAdapter}.
 */
package dev.iomodels.webflux;
