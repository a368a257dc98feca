/**
 * The storage API on WebFlux: the object endpoints, the rendering of every error as a
 * problem response, and the guards in front of the API (overload bound, write token,
 * draining of unread bodies). Nothing here blocks the event loop: the endpoints call the
 * reactive storage port.
 */
package dev.iomodels.webflux.storage;
