package dev.iomodels.storage;

/**
 * The outcome of a successful PUT.
 *
 * @param metadata the stored object's metadata
 * @param created {@code true} if the key was new (201), {@code false} if its object was
 * replaced (200)
 */
public record WriteResult(ObjectMetadata metadata, boolean created) {
}
