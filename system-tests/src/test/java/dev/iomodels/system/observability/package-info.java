/**
 * Checks of the observability stack without Docker: the compose file and the Prometheus
 * and Grafana provisioning read statically, the metric families of the running jars, and
 * every dashboard query evaluated by a real Prometheus scraping them.
 */
package dev.iomodels.system.observability;
