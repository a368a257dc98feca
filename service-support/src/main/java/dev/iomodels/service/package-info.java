/**
 * Spring wiring shared by the three services that is not web code: settings, storage
 * beans, problem rendering and the content of {@code /api/v1/info}.
 */
package dev.iomodels.service;
