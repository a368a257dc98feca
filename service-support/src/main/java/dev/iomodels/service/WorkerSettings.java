package dev.iomodels.service;

/**
 * The threads that run request handling, the one row of the fairness table that must
 * differ between the services because it is the I/O model itself.
 *
 * @param model the I/O model
 * @param description what runs requests, e.g. {@code 200 platform threads}
 * @param threads the number of threads that run handlers concurrently: the pool size, the
 * carrier count, or the event-loop count
 */
public record WorkerSettings(IoModel model, String description, int threads) {
}
