package dev.iomodels.service;

import dev.iomodels.storage.ObjectStore;

/**
 * The bare blocking store that a backend provides (the in-memory engine, JDBC, the
 * storage node's client), before the layers every backend gets. A backend declares a bean
 * of this type and never an {@link ObjectStore}: {@link StorageAutoConfiguration} wraps
 * whichever engine is present into the port the web adapter uses, once, so no backend can
 * forget the emulated latency or the timing, nor add them twice.
 *
 * @param store the engine
 */
public record ObjectStoreEngine(ObjectStore store) {
}
