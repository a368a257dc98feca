package dev.iomodels.service;

import dev.iomodels.storage.ReactiveObjectStore;

/**
 * The bare reactive store that a backend provides (the in-memory engine, R2DBC, the
 * storage node's client), before the layers every backend gets. A backend declares a bean
 * of this type and never a {@link ReactiveObjectStore}: {@link StorageAutoConfiguration}
 * wraps whichever engine is present into the port the web adapter uses, once, so no
 * backend can forget the emulated latency or the timing, nor add them twice.
 *
 * @param store the engine
 */
public record ReactiveObjectStoreEngine(ReactiveObjectStore store) {
}
