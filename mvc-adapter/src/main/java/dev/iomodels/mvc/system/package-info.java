/**
 * Tomcat's side of the fairness table: the shared server limits applied to the connector,
 * what runs the requests (platform pool or virtual threads), the requests in flight, and
 * the answers to what Tomcat refuses before the application.
 */
package dev.iomodels.mvc.system;
