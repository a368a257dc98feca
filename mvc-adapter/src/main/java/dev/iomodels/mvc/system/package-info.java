/**
 * Tomcat's side of the fairness table: the shared server limits applied to the connector,
 * what runs the requests (platform pool or virtual threads), and the requests in flight.
 */
package dev.iomodels.mvc.system;
