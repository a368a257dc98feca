/**
 * The storage API's rules, free of any web framework: what a key is, what a request may
 * carry, how an ETag is computed, which problem a bad request gets, and the storage
 * engine behind the two ports that the services call
 * ({@link dev.iomodels.storage.ObjectStore} for thread-per-request adapters,
 * {@link dev.iomodels.storage.ReactiveObjectStore} for the event loop).
 */
package dev.iomodels.storage;
