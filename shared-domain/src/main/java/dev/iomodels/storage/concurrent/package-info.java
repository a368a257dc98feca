/**
 * Small lock-free helpers with no knowledge of storage or HTTP: a count that is never
 * taken past its limit (the in-memory engine's bounds, the request admission, the remote
 * backend's connection queue) and a gate that lets one caller through per interval (the
 * backends' fault warnings). A package of their own because the engine, the services'
 * admission and the backends all use them, and they hold no rule of the API.
 */
package dev.iomodels.storage.concurrent;
