/**
 * What the service tells about itself: {@code /api/v1/info} and the OpenAPI document.
 */
package dev.iomodels.webflux.about;
