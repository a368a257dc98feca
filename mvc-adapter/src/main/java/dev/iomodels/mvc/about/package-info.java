/**
 * What a service says about itself: {@code /api/v1/info} and the OpenAPI document.
 */
package dev.iomodels.mvc.about;
