package dev.iomodels.service;

import java.util.Map;

/**
 * The settings of a storage backend that {@code /api/v1/info} shows under
 * {@code backendSettings}, when the backend has any worth comparing across the services
 * (the remote backend's connection limits and timeouts). A backend module contributes one
 * bean; without one the object is empty.
 */
@FunctionalInterface
public interface BackendSettings {

	/**
	 * Return the settings in effect.
	 * @return the settings by name, in the order to show them
	 */
	Map<String, Object> settings();

}
