package dev.iomodels.comparison.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import dev.iomodels.harness.Service;

/**
 * A service that already runs elsewhere, as {@code --target} names it:
 * {@code NAME=URL[,management=URL]}, e.g.
 * {@code loom=http://10.0.0.5:8082,management=http://10.0.0.5:9082}. The name is the
 * service's ({@code classic}, {@code loom}, {@code webflux}), so that the report gives it
 * its model and colour. Without {@code management=}, the management port is the API port
 * plus 1000, as in every service's defaults (8081 and 9081).
 *
 * @param service the service it runs
 * @param api the base URI of its API
 * @param management the base URI of its management port
 */
record RemoteTarget(Service service, URI api, URI management) {

	/** The distance of each service's management port from its API port. */
	private static final int MANAGEMENT_PORT_OFFSET = 1000;

	/**
	 * Parse one {@code --target} value.
	 * @param text {@code NAME=URL[,management=URL]}
	 * @return the target
	 * @throws IllegalArgumentException with a message that says what is wrong
	 */
	static RemoteTarget parse(String text) {
		int equals = text.indexOf('=');
		if (equals <= 0) {
			throw new IllegalArgumentException(usage(text));
		}
		Service service = Service.named(text.substring(0, equals).strip());
		String[] parts = text.substring(equals + 1).split(",");
		URI api = uri(parts[0].strip(), text);
		URI management = null;
		for (int i = 1; i < parts.length; i++) {
			String part = parts[i].strip();
			if (!part.startsWith("management=")) {
				throw new IllegalArgumentException(usage(text));
			}
			management = uri(part.substring("management=".length()), text);
		}
		if (management == null) {
			int port = (api.getPort() >= 0) ? api.getPort() : (api.getScheme().equals("https") ? 443 : 80);
			management = URI.create(api.getScheme() + "://" + api.getHost() + ":" + (port + MANAGEMENT_PORT_OFFSET));
		}
		return new RemoteTarget(service, api, management);
	}

	/**
	 * Return whether the target runs on this machine, beside the load generator: then the
	 * machine's CPU it reports includes the load generator's.
	 * @return whether its host is an address of this machine
	 */
	boolean onThisMachine() {
		try {
			InetAddress address = InetAddress.getByName(this.api.getHost());
			return address.isLoopbackAddress() || address.isAnyLocalAddress()
					|| NetworkInterface.getByInetAddress(address) != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Return the name of the target in reports.
	 * @return e.g. {@code loom}
	 */
	String name() {
		return this.service.shortName();
	}

	private static URI uri(String text, String target) {
		try {
			URI uri = new URI(text);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
				throw new IllegalArgumentException(usage(target));
			}
			// Only the origin: the API and the management paths are the services' own.
			return new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(usage(target), ex);
		}
	}

	private static String usage(String text) {
		return "--target " + text + ": use NAME=URL[,management=URL], e.g."
				+ " loom=http://10.0.0.5:8082,management=http://10.0.0.5:9082 (NAME is classic, loom or webflux)";
	}

}
