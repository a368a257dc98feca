/**
 * What only Reactor Netty has, checked on a running webflux service: the server channel
 * it bound and its event-loop threads. Netty is an optional dependency of this module;
 * the service brings it.
 */
package dev.iomodels.contract.netty;
