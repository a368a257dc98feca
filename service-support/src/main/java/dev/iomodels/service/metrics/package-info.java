/**
 * The metrics that all three services share, so that a Grafana panel means the same thing
 * for each of them: the {@code application} and {@code model} tags on every meter, the
 * storage port's timers and gauges, the in-flight request gauge, and the process's
 * resident memory and operating-system threads.
 */
package dev.iomodels.service.metrics;
