/**
 * The event-loop server: Reactor Netty's worker threads, the shared server limits, and
 * its metrics (Reactor Netty's own and the requests in flight).
 */
package dev.iomodels.webflux.system;
