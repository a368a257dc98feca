package dev.iomodels.comparison.wall;

import java.util.List;

/**
 * A limit of this machine is too low for the requests in flight asked for; the message
 * names each such limit, its value and what would change it.
 */
public class WallLimitException extends Exception {

	private static final long serialVersionUID = 1L;

	WallLimitException(List<String> problems) {
		super("This machine cannot hold the requests in flight asked for:\n- " + String.join("\n- ", problems));
	}

}
