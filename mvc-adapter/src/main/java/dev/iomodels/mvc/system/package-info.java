/**
 * Tomcat's side of the fairness table: the shared server limits applied to the connector,
 * what runs the requests (platform pool or virtual threads), the requests in flight, and
 * the guards in front of the API (overload bound, write token).
 */
package dev.iomodels.mvc.system;
