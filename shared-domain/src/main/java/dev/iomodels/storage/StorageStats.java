package dev.iomodels.storage;

/**
 * How full a store is.
 *
 * @param objects the number of objects stored
 * @param bytes the payload bytes stored
 */
public record StorageStats(long objects, long bytes) {
}
