/**
 * The storage API on WebFlux: the object endpoints and the rendering of every error as a
 * problem response.
 */
package dev.iomodels.webflux.storage;
