/**
 * The event-loop server: Reactor Netty's worker threads and transport, the shared server
 * limits, its metrics (Reactor Netty's own and the requests in flight), and the answers
 * to what Reactor Netty refuses before the application, given as Tomcat gives them.
 */
package dev.iomodels.webflux.system;
