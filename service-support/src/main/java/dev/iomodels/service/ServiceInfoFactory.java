package dev.iomodels.service;

/**
 * Builds {@code /api/v1/info} from the settings shared by all services and the two facts
 * only a web adapter knows: how it runs requests, on which transport, and which backend
 * its port talks to.
 */
@FunctionalInterface
public interface ServiceInfoFactory {

	/**
	 * Build the info of this service.
	 * @param workers the threads that run requests
	 * @param transport the API server's transport
	 * @param backend the storage backend's name
	 * @return the info
	 */
	ServiceInfo create(WorkerSettings workers, TransportInUse transport, String backend);

}
