/**
 * Tomcat's side of the fairness table: the shared server limits applied to the connector,
 * and what runs the requests (platform pool or virtual threads).
 */
package dev.iomodels.mvc.system;
