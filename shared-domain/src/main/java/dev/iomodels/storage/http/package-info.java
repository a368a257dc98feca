/**
 * The HTTP rules of the storage API that both web stacks apply the same way, free of any
 * web framework: which request paths are accepted before routing, the canonical form of a
 * {@code Content-Type}, and how a blocking adapter reads a request body within its size
 * limit and its deadline. Built on the engine's values and problems in
 * {@link dev.iomodels.storage}; the engine never depends on this package.
 */
package dev.iomodels.storage.http;
