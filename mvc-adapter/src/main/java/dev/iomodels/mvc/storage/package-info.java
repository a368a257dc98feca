/**
 * The object endpoints on Spring MVC: each request runs on its own thread (pooled
 * platform thread or virtual thread) and calls the blocking storage port.
 */
package dev.iomodels.mvc.storage;
