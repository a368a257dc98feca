/**
 * The storage engine and its two ports, free of any web framework: the ports that the
 * services call ({@link dev.iomodels.storage.ObjectStore} for thread-per-request
 * adapters, {@link dev.iomodels.storage.ReactiveObjectStore} for the event loop), the
 * in-memory engine behind them, their forwarding bases for the layers around an engine,
 * and the values they speak in: what a key is, what a listing asks and returns, the
 * limits and the problems a refusal carries.
 * <p>
 * Entity tags ({@link dev.iomodels.storage.ETags}) and conditional requests
 * ({@link dev.iomodels.storage.Preconditions},
 * {@link dev.iomodels.storage.EntityTagList}) live here rather than with the HTTP rules:
 * the engine computes the tag and evaluates the preconditions atomically with the write,
 * so the ports take them as arguments. So does a request's deadline
 * ({@link dev.iomodels.storage.RequestDeadline}), which bounds the storage operations of
 * every backend as well as the reading of a request body. This package depends on none of
 * its subpackages: {@code http} and {@code latency} build on it, and only the in-memory
 * engine uses {@code concurrent}'s bounded counter.
 */
package dev.iomodels.storage;
