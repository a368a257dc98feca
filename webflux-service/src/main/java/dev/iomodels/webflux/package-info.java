/**
 * The event-loop service: the storage API on Spring WebFlux and Reactor Netty.
 */
package dev.iomodels.webflux;
