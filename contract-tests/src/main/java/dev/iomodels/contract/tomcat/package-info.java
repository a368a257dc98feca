/**
 * What only Tomcat has, checked on a running classic or loom service: the connector that
 * serves the API and its settings. Tomcat is an optional dependency of this module; the
 * services that run it bring it.
 */
package dev.iomodels.contract.tomcat;
