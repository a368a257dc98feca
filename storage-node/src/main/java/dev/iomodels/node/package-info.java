/**
 * The storage node: the shared in-memory engine behind a minimal internal HTTP/1.1
 * protocol, served by Reactor Netty's event loops alone.
 */
package dev.iomodels.node;
