/**
 * The event-loop server: Reactor Netty's worker threads and the shared server limits.
 */
package dev.iomodels.webflux.system;
