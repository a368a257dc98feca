/**
 * The emulated latency: how long every storage operation waits, standing in for the round
 * trip to a remote store, and the two layers that add the wait around an engine the way
 * each I/O model waits (a sleeping thread for the blocking port, a timer for the reactive
 * one), each cut at the storage operation timeout or the request's deadline. Built on the
 * ports of {@link dev.iomodels.storage}, whose code does not depend on it.
 */
package dev.iomodels.storage.latency;
