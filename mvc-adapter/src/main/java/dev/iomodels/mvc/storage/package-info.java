/**
 * The storage API on Spring MVC: the object endpoints, the rendering of every error as a
 * problem response, and the guards in front of the API (overload bound, write token).
 * Each request runs on its own thread (pooled platform thread or virtual thread) and
 * calls the blocking storage port.
 */
package dev.iomodels.mvc.storage;
